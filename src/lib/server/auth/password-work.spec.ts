import { describe, expect, it } from 'vitest';
import {
	PASSWORD_SLOTS,
	PASSWORD_WAITING,
	inPasswordSlot,
	reservePasswordSlot,
	type PasswordSlot
} from './password-work';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the bounded queue in front of password hashing', () => {
	it('runs at most its slots at once, gives places to as many more, and refuses the rest', async () => {
		const slots: PasswordSlot[] = [];
		for (let slot = reservePasswordSlot(); slot; slot = reservePasswordSlot()) slots.push(slot);
		expect(slots).toHaveLength(PASSWORD_SLOTS + PASSWORD_WAITING);

		let running = 0;
		let most = 0;
		const work = async () => {
			running += 1;
			most = Math.max(most, running);
			await tick();
			running -= 1;
		};
		await Promise.all(slots.map((slot) => slot.run(work)));
		expect(most).toBe(PASSWORD_SLOTS);
		expect(reservePasswordSlot()).not.toBeNull();
	});

	it('gives a place back when released unused, and once only', async () => {
		const slots: PasswordSlot[] = [];
		for (let slot = reservePasswordSlot(); slot; slot = reservePasswordSlot()) slots.push(slot);
		expect(reservePasswordSlot()).toBeNull();
		slots[0]!.release();
		slots[0]!.release();
		const again = reservePasswordSlot();
		expect(again).not.toBeNull();
		expect(reservePasswordSlot()).toBeNull();
		for (const slot of [...slots, again!]) slot.release();
	});

	it('lets flows that must not be refused wait for a slot however full the queue is', async () => {
		const slots: PasswordSlot[] = [];
		for (let slot = reservePasswordSlot(); slot; slot = reservePasswordSlot()) slots.push(slot);
		const busy = slots.map((slot) => slot.run(tick));
		await expect(inPasswordSlot(async () => 'hashed')).resolves.toBe('hashed');
		await Promise.all(busy);
	});
});
