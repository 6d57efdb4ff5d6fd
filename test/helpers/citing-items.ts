import type { Briefing } from '../../src/model.js';

/** Every item of a briefing that cites its sources. */
export const citingItems = (b: Briefing) => [
  ...b.bottomLine,
  ...b.developments,
  ...b.people,
  ...b.organizations,
  ...b.places,
  ...b.figures,
  ...b.quotes,
];
