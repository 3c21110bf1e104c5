/**
 * What the visitor sees: the owner's overrides where set, the bot's theme elsewhere.
 */
import type { WidgetAppearance, WidgetBot } from '../shared/types';

/** What the chatbot looks like, every value decided. */
export interface EffectiveAppearance {
	color: string;
	textColor: string;
	position: 'bottom-right' | 'bottom-left';
	greeting: string;
	/** '' draws the bubble with its icon only. */
	launcherText: string;
}

/** The longest greeting and launcher text the server takes (Widget_Options::sanitize, the route's schema). */
export const MAX_GREETING = 200;
export const MAX_LAUNCHER_TEXT = 40;

/** Until the bot's theme is fetched: WordPress's admin blue, white text, bottom right, no greeting. */
const WITHOUT_BOT: WidgetBot = {
	botId: '',
	greeting: '',
	color: '#2271b1',
	textColor: '#ffffff',
	position: 'bottom-right',
	origin: '',
};

/**
 * A colour as the server stores it (`#rrggbb`, lower case), or '' when it is not one. The colour picker may
 * answer `#ABC` or upper case, which the server would refuse.
 *
 * @param value What the picker gave.
 */
export function normalizeColor( value: string | undefined ): string {
	const hex = ( value ?? '' ).trim().toLowerCase();
	if ( /^#[0-9a-f]{6}$/.test( hex ) ) {
		return hex;
	}
	const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec( hex );
	return short
		? `#${ short
				.slice( 1 )
				.map( ( digit ) => digit + digit )
				.join( '' ) }`
		: '';
}

/**
 * The values the chatbot shows with: each override that is set, else the bot's.
 *
 * @param appearance The owner's overrides.
 * @param bot        The bot's theme; null before it was fetched.
 */
export function effectiveAppearance(
	appearance: WidgetAppearance,
	bot: WidgetBot | null
): EffectiveAppearance {
	const theme = bot ?? WITHOUT_BOT;
	return {
		color: appearance.color || theme.color,
		textColor: theme.textColor || WITHOUT_BOT.textColor,
		position: appearance.position || theme.position,
		greeting: appearance.greeting.trim() || theme.greeting,
		launcherText: appearance.launcherText.trim(),
	};
}
