import type { InstrumentDocument, ItemDocument } from '../../src/lib/instruments/types';
import type { Answers } from '../../src/lib/survey/page-answers';
import {
	draftPairMid,
	draftPairPre,
	draftStakeholder,
	type Side,
	type SideAnswers
} from '../../src/lib/server/demo/draft-answers';
import type { Language } from '../../src/lib/server/demo/people';
import type { Random } from '../../src/lib/server/demo/random';
import { roughen } from '../../src/lib/server/demo/roughen';
import { PROGRAM_STORIES, STORIES, type StoryName } from '../../src/lib/server/demo/stories';
import { typicalMid, typicalPre } from '../../src/lib/server/demo/typical-answers';

export type Wave = 'pre' | 'mid';

/** The demo's stories in the demo's proportions, less silence: every bench respondent answers. */
const STORY_WEIGHTS = (Object.entries(PROGRAM_STORIES.tech) as [StoryName, number][]).filter(
	([story]) => story !== 'silent'
);
const STORY_DRAW = STORY_WEIGHTS.flatMap(([story, weight]) => Array<StoryName>(weight).fill(story));

/**
 * Answers as the demo drafts them (typical answers, a story, then "don't know", skipped
 * questions and comments), without the demo's page-by-page saving: the bench writes rows in bulk.
 */
export class SyntheticAnswers {
	readonly #items: Record<Wave, ItemDocument[]>;
	readonly #multi: Set<string>;

	constructor(
		document: InstrumentDocument,
		private readonly random: Random
	) {
		const items = document.constructs.flatMap((c) => c.items);
		this.#items = {
			pre: items.filter((i) => i.wave === 'pre'),
			mid: items.filter((i) => i.wave === 'mid')
		};
		this.#multi = new Set(items.filter((i) => i.type === 'multi').map((i) => i.key));
	}

	pair(language: Record<Side, Language>): Record<Wave, SideAnswers> {
		const { random } = this;
		const items = this.#items;
		const plan = STORIES[random.pick(STORY_DRAW)]({ variant: random.between(0, 3), language });
		const drafted = draftPairPre(items.pre, typicalPre('tech', 'protege'), random);
		const pre = {
			mentor: { ...drafted.mentor, ...plan.pre.mentor },
			protege: { ...drafted.protege, ...plan.pre.protege }
		};
		const mid = draftPairMid(items.mid, items.pre, pre, typicalMid('protege'), random);
		const drafts = { pre, mid };
		const answers = (wave: Wave, side: Side) =>
			roughen(
				items[wave],
				drafts[wave][side],
				plan[wave][side],
				{ role: side, language: language[side] },
				random
			);
		return {
			pre: { mentor: answers('pre', 'mentor'), protege: answers('pre', 'protege') },
			mid: { mentor: answers('mid', 'mentor'), protege: answers('mid', 'protege') }
		};
	}

	stakeholder(role: 'employer' | 'staff', language: Language): Record<Wave, Answers> {
		const { random } = this;
		const items = this.#items;
		const who = { role, language };
		const pre = draftStakeholder(items.pre, items.pre, {}, typicalPre('tech', role), random);
		const mid = draftStakeholder(items.mid, items.pre, pre, typicalMid(role), random);
		return {
			pre: roughen(items.pre, pre, {}, who, random),
			mid: roughen(items.mid, mid, {}, who, random)
		};
	}

	/** A stored answer as savePageAnswers writes it: a JSON string, or a JSON list for `multi`. */
	stored(itemKey: string, values: string[]): string {
		return JSON.stringify(this.#multi.has(itemKey) ? values : values[0]);
	}
}
