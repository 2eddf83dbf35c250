import { applyTranslation } from '../../../instruments/translation';
import { INSTRUMENT_FORMAT } from '../../../instruments/types';
import type { InstrumentDocument } from '../../../instruments/types';
import { checkIn } from './check-in';
import { commitment } from './commitment';
import { contact } from './contact';
import { focus } from './focus';
import { outcomes } from './outcomes';
import { relationship } from './relationship';
import { roles } from './roles';
import ar from './translations/ar.json' with { type: 'json' };
import es from './translations/es.json' with { type: 'json' };
import fa from './translations/fa.json' with { type: 'json' };
import pa from './translations/pa.json' with { type: 'json' };
import tl from './translations/tl.json' with { type: 'json' };
import uk from './translations/uk.json' with { type: 'json' };
import zhHans from './translations/zh-Hans.json' with { type: 'json' };

/** The instrument as written, in English and French. */
const englishAndFrench: InstrumentDocument = {
	format: INSTRUMENT_FORMAT,
	name: {
		en: 'Pre-employment mentoring expectations',
		fr: 'Attentes envers le mentorat préemploi'
	},
	description: {
		en: 'Short matched surveys that show where mentors, mentees, employers and staff expect different things from the mentoring.',
		fr: 'De courts sondages jumelés qui montrent où les mentors, les mentoré·e·s, les employeurs et le personnel attendent des choses différentes du mentorat.'
	},
	languages: ['en', 'fr'],
	constructs: [focus, contact, roles, outcomes, relationship, commitment, checkIn]
};

/**
 * Translations of every text, keyed as in `translationEntries` (`item.contact_frequency.protege`),
 * made without a fluent reviewer: each language is a draft until a staff member marks it reviewed.
 */
const TRANSLATIONS: [string, Record<string, string>][] = [
	['ar', ar],
	['fa', fa],
	['es', es],
	['zh-Hans', zhHans],
	['pa', pa],
	['tl', tl],
	['uk', uk]
];

/**
 * The instrument Tandem ships: matched questions for mentors, mentees (protégés), employer
 * partners and staff, before the program (`pre`) and at the mid-program check-in (`mid`), written
 * in English and French and translated into the languages newcomers to Canada most often read.
 */
export const defaultInstrument: InstrumentDocument = TRANSLATIONS.reduce(
	(document, [language, texts]) => applyTranslation(document, language, texts),
	englishAndFrench
);
