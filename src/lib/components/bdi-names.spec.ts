import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import AttentionList from '../../routes/(staff)/AttentionList.svelte';
import AttentionPairs from '../../routes/(staff)/programs/[programId]/AttentionPairs.svelte';
import PairNotes from '../../routes/(staff)/programs/[programId]/pairs/[pairId]/PairNotes.svelte';

const MENTOR = 'سارة أحمد';
const PROTEGE = 'John Smith';
const PROGRAM = 'برنامج الربيع';
const NOTE = 'اتصلت بها يوم 3 مارس.';

/** The page as a browser gets it, without Svelte's hydration comments. */
const html = (body: string) => body.replace(/<!--.*?-->/g, '');
/** What a reader sees, in the order it is written. */
const text = (body: string) =>
	html(body)
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ');

beforeAll(() => overwriteGetLocale(() => 'en'));

describe('typed names on staff pages keep their own direction', () => {
	it('home: a pair needing attention names both people, each isolated', () => {
		const { body } = render(AttentionList, {
			props: {
				id: 'attention-at-risk',
				title: 'At risk',
				overviewPart: '?status=at_risk#pairs',
				list: {
					total: 2,
					entries: [
						{
							programId: 'p1',
							programName: PROGRAM,
							pairId: 'a1',
							mentorName: MENTOR,
							protegeName: PROTEGE,
							status: 'at_risk',
							reasons: ['Far apart on a key question.'],
							moreReasons: 0
						}
					],
					hidden: [{ programId: 'p2', programName: PROGRAM, count: 1 }]
				}
			}
		});
		expect(html(body)).toContain(`<bdi>${MENTOR}</bdi> with <bdi>${PROTEGE}</bdi>`);
		expect(html(body)).toMatch(new RegExp(`<bdi class="program[^"]*">${PROGRAM}</bdi>`));
		expect(html(body)).toContain(`1 more in <bdi>${PROGRAM}</bdi>`);
	});

	it('program overview: the pair and the follow-up typed by staff are isolated', () => {
		const { body } = render(AttentionPairs, {
			props: {
				programId: 'p1',
				total: 1,
				timeZone: 'America/Toronto',
				rows: [
					{
						id: 'a1',
						mentorName: MENTOR,
						protegeName: PROTEGE,
						standing: 'watch',
						severity: { serious: 0, watch: 1 },
						reasons: ['Far apart on a key question.'],
						nextStep: { kind: 'open', what: `اتصل بـ ${MENTOR}` }
					}
				]
			}
		});
		expect(html(body)).toContain(`<bdi>${MENTOR}</bdi> with <bdi>${PROTEGE}</bdi>`);
		expect(html(body)).toContain(`To do: <bdi>اتصل بـ ${MENTOR}</bdi>`);
		expect(text(body)).toContain(`${MENTOR} with ${PROTEGE}`);
	});

	it('pair page: a note is its own paragraph direction and its author is isolated', () => {
		const { body } = render(PairNotes, {
			props: {
				timeZone: 'America/Toronto',
				notes: [{ id: 'n1', body: NOTE, authorName: MENTOR, createdAt: Date.UTC(2027, 2, 4) }]
			}
		});
		expect(html(body)).toMatch(new RegExp(`<p class="body[^"]*" dir="auto">${NOTE}</p>`));
		expect(html(body)).toContain(`<bdi>${MENTOR}</bdi>`);
	});
});
