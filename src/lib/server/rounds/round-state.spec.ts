import { describe, expect, it } from 'vitest';
import { nextWave, roundStateAt } from './round-state';

const round = (opens_on: string, closes_on: string) => ({ opens_on, closes_on, closed_at: null });

describe('a round opens at the start and closes at the end of its days, in its zone', () => {
	it.each([
		// Toronto, DST starts on 8 March 2026.
		['2026-03-02', '2026-03-08', 'America/Toronto', '2026-03-09T03:30:00Z', 'open'], // 23:30 EDT on the 8th
		['2026-03-02', '2026-03-08', 'America/Toronto', '2026-03-09T04:00:00Z', 'closed'], // 00:00 on the 9th
		['2026-03-08', '2026-03-20', 'America/Toronto', '2026-03-08T04:59:00Z', 'scheduled'], // 23:59 EST on the 7th
		['2026-03-08', '2026-03-20', 'America/Toronto', '2026-03-08T05:00:00Z', 'open'],
		// Toronto, DST ends on 1 November 2026.
		['2026-10-20', '2026-11-01', 'America/Toronto', '2026-11-02T04:30:00Z', 'open'], // 23:30 EST on the 1st
		['2026-10-20', '2026-11-01', 'America/Toronto', '2026-11-02T05:00:00Z', 'closed'],
		['2026-11-01', '2026-11-10', 'America/Toronto', '2026-11-01T03:59:00Z', 'scheduled'],
		['2026-11-01', '2026-11-10', 'America/Toronto', '2026-11-01T04:00:00Z', 'open'],
		// Ahead of UTC: Tokyo's day starts the evening before in UTC.
		['2026-12-05', '2026-12-12', 'Asia/Tokyo', '2026-12-04T15:00:00Z', 'open'],
		['2026-12-05', '2026-12-12', 'Asia/Tokyo', '2026-12-04T14:59:00Z', 'scheduled']
	])('opens %s, closes %s, in %s, at %s: %s', (opens, closes, zone, at, state) => {
		expect(roundStateAt(round(opens, closes), zone, Date.parse(at))).toBe(state);
	});

	it('stays closed once closed early', () => {
		const closedEarly = { ...round('2026-03-02', '2026-03-08'), closed_at: 1 };
		expect(roundStateAt(closedEarly, 'America/Toronto', Date.parse('2026-03-05T12:00:00Z'))).toBe(
			'closed'
		);
	});
});

describe('the wave a new round suggests', () => {
	it.each([
		[[], 'pre'],
		[['pre'], 'mid'],
		[['mid', 'pre'], 'post'],
		[['pre', 'mid', 'post'], 'mid']
	] as const)('after %j: %s', (asked, wave) => {
		expect(nextWave(asked)).toBe(wave);
	});
});
