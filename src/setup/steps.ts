/**
 * The steps of the guided first run, in order, with what each is called and how far along the owner is.
 */
import { __, sprintf } from '@wordpress/i18n';

export const STEPS = [
	'address',
	'credentials',
	'content',
	'chatbot',
	'done',
] as const;

export type StepName = ( typeof STEPS )[ number ];

/**
 * The heading of a step, in the owner's words.
 *
 * @param step The step.
 */
export function stepTitle( step: StepName ): string {
	switch ( step ) {
		case 'address':
			return __( 'Where to find your credentials', 'causerie-connector' );
		case 'credentials':
			return __(
				'Paste your Client ID and secret',
				'causerie-connector'
			);
		case 'content':
			return __(
				'Choose what the chatbot learns from',
				'causerie-connector'
			);
		case 'chatbot':
			return __( 'Turn the chatbot on', 'causerie-connector' );
		case 'done':
			return __( 'Your chatbot is ready', 'causerie-connector' );
	}
}

/**
 * Where the owner is, as a screen reader announces it: "Step 2 of 5: Paste your Client ID and secret".
 *
 * @param step The step on screen.
 */
export function progressText( step: StepName ): string {
	return sprintf(
		/* translators: 1: the step's number, 2: how many steps there are, 3: the step's heading */
		__( 'Step %1$d of %2$d: %3$s', 'causerie-connector' ),
		STEPS.indexOf( step ) + 1,
		STEPS.length,
		stepTitle( step )
	);
}

/**
 * The step after this one; the last one stays.
 *
 * @param step The step just finished.
 */
export function nextStep( step: StepName ): StepName {
	return (
		STEPS[ Math.min( STEPS.indexOf( step ) + 1, STEPS.length - 1 ) ] ?? step
	);
}
