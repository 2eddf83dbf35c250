import { describe, expect, it } from 'vitest';
import { dueCheckIn } from './schedule';

const plan = { firstDays: 14, everyDays: 30 };

describe('dueCheckIn', () => {
	it('waits for the first step, N days after the pair starts', () => {
		expect(dueCheckIn('2027-01-10', '2027-06-30', plan, '2027-01-23')).toBeNull();
		expect(dueCheckIn('2027-01-10', '2027-06-30', plan, '2027-01-24')).toEqual({
			step: 0,
			dueOn: '2027-01-24'
		});
	});

	it('then every M days, the latest step due only', () => {
		expect(dueCheckIn('2027-01-10', '2027-06-30', plan, '2027-02-22')).toEqual({
			step: 0,
			dueOn: '2027-01-24'
		});
		expect(dueCheckIn('2027-01-10', '2027-06-30', plan, '2027-02-23')).toEqual({
			step: 1,
			dueOn: '2027-02-23'
		});
		// 24 Jan + 90 days = 24 Apr: step 3, steps 1 and 2 not sent late.
		expect(dueCheckIn('2027-01-10', '2027-06-30', plan, '2027-04-30')).toEqual({
			step: 3,
			dueOn: '2027-04-24'
		});
	});

	it('sends no step that falls due after the program ends', () => {
		// Steps fall on 24 Jan, 23 Feb, 25 Mar; the program ends 20 Mar.
		expect(dueCheckIn('2027-01-10', '2027-03-20', plan, '2027-05-01')).toEqual({
			step: 1,
			dueOn: '2027-02-23'
		});
		expect(dueCheckIn('2027-03-10', '2027-03-20', plan, '2027-05-01')).toBeNull();
	});
});
