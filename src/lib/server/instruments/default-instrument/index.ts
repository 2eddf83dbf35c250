import { INSTRUMENT_FORMAT } from '../../../instruments/types';
import type { InstrumentDocument } from '../../../instruments/types';
import { checkIn } from './check-in';
import { commitment } from './commitment';
import { contact } from './contact';
import { focus } from './focus';
import { outcomes } from './outcomes';
import { relationship } from './relationship';
import { roles } from './roles';

/**
 * The instrument Tandem ships: matched questions for mentors, mentees (protégés), employer
 * partners and staff, before the program (`pre`) and at the mid-program check-in (`mid`).
 */
export const defaultInstrument: InstrumentDocument = {
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
