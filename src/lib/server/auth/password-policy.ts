import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// About 49,000 passwords seen most often in breaches (zxcvbn's list).
const commonPasswords = new Set(
	(dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())
);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

export function findPasswordProblem(password: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';
	if (commonPasswords.has(password.toLowerCase())) return 'too_common';
	return null;
}
