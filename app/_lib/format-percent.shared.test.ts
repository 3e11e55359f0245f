import { expect, it } from 'vitest';
import { formatPercent } from './format-percent.shared';

it('shows at most one decimal, none when whole', () => {
  expect([0.875, 0.2, 1, 0, 0.45678, 0.1 + 0.2].map(formatPercent)).toEqual(['87.5 %', '20 %', '100 %', '0 %', '45.7 %', '30 %']);
});
