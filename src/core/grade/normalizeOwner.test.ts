import { describe, expect, test } from 'vitest';
import { normalizeOwner } from './normalizeOwner';

describe('normalizeOwner', () => {
  test.each([
    ['AWS', 'AWS'],
    ['aws', 'AWS'],
    ['AWS.', 'AWS'],
    ['  AWS!!  ', 'AWS'],
    ['Amazon', 'AWS'],
    ['Amazon Web Services', 'AWS'],
    ['Amazon Web Services (AWS)', 'AWS'],
    ['AWS is responsible.', 'AWS'],
    ['Responsibility of AWS', 'AWS'],
    ['It is AWS\u2019s responsibility', 'AWS'],
    ["AWS's responsibility", 'AWS'],
    ['Owned by AWS', 'AWS'],
    ['The customer.', 'Customer'],
    ['customer', 'Customer'],
    ['Customers', 'Customer'],
    ['CUSTOMER', 'Customer'],
    ['The customer is responsible', 'Customer'],
    ["The customer's responsibility", 'Customer'],
    ['Customer responsibility', 'Customer'],
    ['The AWS customer', 'Customer'],
    ['Both', 'Shared'],
    ['both.', 'Shared'],
    ['shared', 'Shared'],
    ['Shared.', 'Shared'],
    ['Shared responsibility', 'Shared'],
    ['shared between AWS and the customer', 'Shared'],
    ['Shared between the customer and AWS', 'Shared'],
    ['AWS and the customer', 'Shared'],
    ['AWS & customer', 'Shared'],
    ['The customer and Amazon Web Services', 'Shared'],
    ['Both AWS and the customer', 'Shared'],
    ['Both parties', 'Shared'],
    ['AWS and the customer are responsible', 'Shared'],
    ['\tShared\n', 'Shared'],
  ])('%j is %s', (text, owner) => {
    expect(normalizeOwner(text)).toBe(owner);
  });

  test.each([
    [''],
    ['   '],
    ['...'],
    ['Not AWS'],
    ['AWS or the customer'],
    ['Neither'],
    ['Customer data'],
    ['AWS manages the hardware'],
    ['AWS protects the data centers; the customer protects its data'],
    ['Customer - they patch the guest OS'],
    ['Customer: encrypting the data'],
    ['AWS: always'],
    ['Shared: AWS patches the host, the customer patches the guest'],
    ['Security of the cloud'],
    ['Security in the cloud (customer)'],
    ['Amazon S3'],
    ['AWS IAM'],
    ['The customer, usually'],
    ['Probably AWS'],
    ['customer customer'],
    ['AWS AWS'],
    ['Shared with partners'],
    ['You'],
  ])('%j is not a single owner', (text) => {
    expect(normalizeOwner(text)).toBeNull();
  });
});
