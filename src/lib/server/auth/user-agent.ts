/** What a person recognises in a session list: "Firefox on Windows", not the raw header. */
export interface Device {
	browser: string | null;
	system: string | null;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iPhones say
// "like Mac OS X" and Android says "Linux".
const BROWSERS: [RegExp, string][] = [
	[/Edg(e|A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
	[/Version\/[\d.]+.*Safari\//, 'Safari']
];

const SYSTEMS: [RegExp, string][] = [
	[/iPhone/, 'iPhone'],
	[/iPad/, 'iPad'],
	[/Android/, 'Android'],
	[/Windows/, 'Windows'],
	[/CrOS/, 'ChromeOS'],
	[/Macintosh|Mac OS X/, 'Mac'],
	[/Linux/, 'Linux']
];

function firstMatch(userAgent: string, patterns: [RegExp, string][]): string | null {
	return patterns.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

export function describeUserAgent(userAgent: string | null): Device {
	if (!userAgent) return { browser: null, system: null };
	return { browser: firstMatch(userAgent, BROWSERS), system: firstMatch(userAgent, SYSTEMS) };
}
