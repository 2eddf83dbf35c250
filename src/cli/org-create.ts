// `npm run org:create -- "Name" [--time-zone Area/City]`: adds an organization to this
// installation and prints the one-time link its first administrator opens to finish setting it up.
// `npm run org:create -- --setup-link <organization id>`: a new link for one nobody has joined yet.
import { parseArgs } from 'node:util';
import { publicOrigin, readConfig } from '../lib/server/config';
import { createHostedOrganization, reissueSetupLink } from '../lib/server/organizations/hosted';
import { isValidTimeZone } from '../lib/time/zones';
import { openMigratedDatabase } from './migrated-database';

const USAGE =
	'Usage: npm run org:create -- "Organization name" [--time-zone America/Toronto]\n' +
	'       npm run org:create -- --setup-link <organization id>';
const MAX_NAME = 200;

function stop(message: string): never {
	console.error(message);
	process.exit(2);
}

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { 'time-zone': { type: 'string' }, 'setup-link': { type: 'string' } }
});
const name = positionals.join(' ').trim();
const timeZone = values['time-zone'];
const reissueFor = values['setup-link'];
if (reissueFor ? name : !name) stop(USAGE);
if (name.length > MAX_NAME) stop(`The name is longer than ${MAX_NAME} characters.`);
if (timeZone !== undefined && !isValidTimeZone(timeZone))
	stop(`"${timeZone}" is not a time zone this server knows; use a name like America/Toronto.`);

const link = (token: string) =>
	`${publicOrigin(readConfig())}/setup/${token} (works once, expires in 24 hours)`;

const { db } = await openMigratedDatabase();
try {
	if (reissueFor) {
		const result = await reissueSetupLink(db, reissueFor);
		if (!result.ok && result.reason === 'not_found')
			stop(`No organization has the id ${reissueFor}.`);
		if (!result.ok)
			stop('This organization already has staff: its administrators invite people from Tandem.');
		console.log(`New setup link for ${result.organization.name}: ${link(result.token)}`);
		console.log('Earlier links for it no longer work.');
	} else {
		const { organization, token } = await createHostedOrganization(db, name, timeZone);
		console.log(`Created ${organization.name} (id ${organization.id}).`);
		console.log(`Its first administrator sets it up at: ${link(token)}`);
		console.log(`If the link expires: npm run org:create -- --setup-link ${organization.id}`);
	}
} finally {
	await db.destroy();
}
