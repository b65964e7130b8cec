import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** The deck library: import, rename, delete, include/exclude, export, backup and restore. */
export type LibrarySlice = object;

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = () => ({});
