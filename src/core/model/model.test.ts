/** Checks on the content of the committed model, decks/model.json, against the seed files. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { OWNERS } from '../deck/types';
import { parseModel } from './parse';
import { CATEGORIES, CONTROL_TYPES } from './types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The seed documents live next to the repository, in ../shared/seeds. */
const seedsDir = resolve(repoRoot, '../shared/seeds');
const model = parseModel(JSON.parse(readFileSync(join(repoRoot, 'decks', 'model.json'), 'utf8')));

describe('decks/model.json', () => {
  test.each(model.facts.map((fact) => [fact.id, fact.sources] as const))('%s cites existing seed files', (_id, sources) => {
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(existsSync(join(seedsDir, source)), `${source} in ${seedsDir}`).toBe(true);
  });

  test('services and the principle cite existing seed files', () => {
    for (const source of [...model.principle.sources, ...model.services.flatMap((s) => s.sources)]) {
      expect(existsSync(join(seedsDir, source)), source).toBe(true);
    }
  });

  test('every seed file is cited by at least one fact', () => {
    const cited = new Set(model.facts.flatMap((fact) => fact.sources));
    const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) expect(cited.has(seed), seed).toBe(true);
  });

  test('covers every owner, category and control type', () => {
    expect(new Set(model.facts.map((f) => f.owner))).toEqual(new Set(OWNERS));
    expect(new Set(model.facts.map((f) => f.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(model.facts.flatMap((f) => (f.control === undefined ? [] : [f.control])))).toEqual(new Set(CONTROL_TYPES));
  });

  test.each([
    ['ec2-guest-os-patching', 'Customer'],
    ['ec2-host-os-patching', 'AWS'],
    ['ec2-security-groups', 'Customer'],
    ['rds-os-patching', 'AWS'],
    ['rds-backups', 'Customer'],
    ['s3-server-side-encryption', 'AWS'],
    ['s3-client-side-encryption', 'Customer'],
    ['data-center-physical-security', 'AWS'],
    ['virtualization-layer', 'AWS'],
    ['choosing-regions-data-sovereignty', 'Customer'],
    ['credential-rotation', 'Customer'],
    ['patch-management-control', 'Shared'],
    ['configuration-management-control', 'Shared'],
    ['awareness-training-control', 'Shared'],
    ['zone-security', 'Customer'],
    ['security-of-the-cloud', 'AWS'],
    ['security-in-the-cloud', 'Customer'],
  ])('%s is owned by %s, as the seeds say', (id, owner) => {
    expect(model.facts.find((fact) => fact.id === id)?.owner).toBe(owner);
  });
});
