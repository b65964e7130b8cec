/** Banners about storage health (quota, unavailable storage, recovered data). Filled in by the storage layer. */
export function StatusBanners() {
  return null;
}
