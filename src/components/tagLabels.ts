/** Readable names for tags and tag groups, shared by the study options and the quiz. */
import { tagGroup } from '../core/deck/tags';

const GROUP_LABELS: Record<string, string> = {
  category: 'Service category',
  service: 'Service',
  control: 'Control type',
  owner: 'Owner',
  topic: 'Topic',
  '': 'Other tags',
};

/** Tag groups in the order the setup screen shows them; others follow alphabetically. */
export const GROUP_ORDER = ['category', 'service', 'control', 'owner'];

const WORDS: Record<string, string> = {
  aws: 'AWS',
  ec2: 'EC2',
  s3: 'S3',
  rds: 'RDS',
  iam: 'IAM',
  kms: 'KMS',
  vpc: 'VPC',
  os: 'OS',
};

export function groupLabel(group: string): string {
  return GROUP_LABELS[group] ?? capitalise(group);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The readable part of a tag: `service:ec2` → "EC2", `topic:access-control` → "Access control". */
export function tagValueLabel(tag: string): string {
  const group = tagGroup(tag);
  const value = group === '' ? tag : tag.slice(group.length + 1);
  const words = value.split(/[-_]/).map((w) => WORDS[w.toLowerCase()] ?? w);
  return capitalise(words.join(' '));
}

/** A tag with its group for tables: `service:ec2` → "Service: EC2". */
export function tagLabel(tag: string): string {
  const group = tagGroup(tag);
  return group === '' ? tag : `${groupLabel(group)}: ${tagValueLabel(tag)}`;
}

