import { describe, expect, it } from 'vitest';
import { controlsOf, disallowed } from '../../src/distribute/markings.js';

const CABLE_HANDLING =
  'THIS DOCUMENT IS SENSITIVE BUT UNCLASSIFIED. IT SHOULD NOT BE DISSEMINATED OUTSIDE U.S. GOVERNMENT CHANNELS.';

describe('handling markings', () => {
  it('names the controls of a marking by their short names', () => {
    expect(controlsOf(null)).toEqual([]);
    expect(controlsOf({ banner: 'UNCLASSIFIED', handling: null })).toEqual([]);
    expect(
      controlsOf({ banner: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', handling: CABLE_HANDLING }),
    ).toEqual(['FOUO', 'SBU']);
    expect(controlsOf({ banner: 'SECRET//NOFORN', handling: null })).toEqual(['NOFORN', 'SECRET']);
    expect(controlsOf({ banner: 'TOP SECRET', handling: null })).toEqual(['TOP SECRET']);
  });

  it('counts a dissemination statement that names no known control as HANDLING', () => {
    expect(
      controlsOf({ banner: 'UNCLASSIFIED', handling: 'Not for distribution beyond the board.' }),
    ).toEqual(['HANDLING']);
  });

  it('keeps an unknown banner as its own control, so no list receives it by accident', () => {
    expect(controlsOf({ banner: 'Company Internal', handling: null })).toEqual([
      'COMPANY INTERNAL',
    ]);
  });

  it('allows a list what it names, in short or long form, or everything with *', () => {
    expect(disallowed(['FOUO', 'SBU'], [])).toEqual(['FOUO', 'SBU']);
    expect(disallowed(['FOUO', 'SBU'], ['FOUO'])).toEqual(['SBU']);
    expect(
      disallowed(['FOUO', 'SBU'], ['for official use only', 'Sensitive but Unclassified']),
    ).toEqual([]);
    expect(disallowed(['SECRET', 'NOFORN'], ['*'])).toEqual([]);
    expect(disallowed([], [])).toEqual([]);
  });
});
