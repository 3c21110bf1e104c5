import { __, _n, sprintf } from '@wordpress/i18n';

/** The post's `causerie_knowledge` field (Admin\Editor_Panel::state). */
export interface KnowledgeState {
	state: 'synced' | 'failed' | 'absent' | string;
	at: string | null;
	fit: '' | 'split' | 'trimmed' | string;
	parts: number;
	error: string;
	waiting: boolean;
}

/**
 * One plain sentence on where the post stands, from what the editor shows now: the switch, whether the post
 * is published, and the last state the server reported.
 *
 * @param state     The field, or undefined before the post was saved.
 * @param excluded  Whether the switch leaves the post out.
 * @param published Whether the post is published.
 * @param since     The time of the last confirmation, in words ("2 hours ago").
 */
export function describe(
	state: KnowledgeState | undefined,
	excluded: boolean,
	published: boolean,
	since: string
): string {
	if ( excluded ) {
		return state?.state === 'synced'
			? __(
					'Left out: it will be removed from the chatbot’s knowledge.',
					'causerie-connector'
				)
			: __(
					'Left out of the chatbot’s knowledge.',
					'causerie-connector'
				);
	}
	if ( ! published ) {
		return __(
			'The chatbot learns this once it is published.',
			'causerie-connector'
		);
	}
	if ( state?.waiting || ! state || state.state === 'absent' ) {
		return __(
			'Waiting to be sent to the chatbot’s knowledge.',
			'causerie-connector'
		);
	}
	if ( state.state === 'failed' ) {
		return sprintf(
			/* translators: %s: the reason given by the Causerie API */
			__( 'Not sent: %s', 'causerie-connector' ),
			state.error
		);
	}
	if ( state.fit === 'trimmed' ) {
		return sprintf(
			/* translators: %s: a time such as "2 hours ago" */
			__(
				'In the chatbot’s knowledge (last sent %s), trimmed: it is too long to be sent whole.',
				'causerie-connector'
			),
			since
		);
	}
	if ( state.fit === 'split' ) {
		return sprintf(
			/* translators: 1: number of parts, 2: a time such as "2 hours ago" */
			_n(
				'In the chatbot’s knowledge in %1$d part (last sent %2$s).',
				'In the chatbot’s knowledge in %1$d parts (last sent %2$s).',
				state.parts,
				'causerie-connector'
			),
			state.parts,
			since
		);
	}
	return sprintf(
		/* translators: %s: a time such as "2 hours ago" */
		__(
			'In the chatbot’s knowledge (last sent %s).',
			'causerie-connector'
		),
		since
	);
}
