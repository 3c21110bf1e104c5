import { Button, Dashicon, Flex, FlexBlock } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

import { healedNote } from '../shared/health/healed';
import type { ConnectionStatus } from '../shared/types';

interface Props {
	status: ConnectionStatus;
	isChecking: boolean;
	onFix: () => void;
	onRunChecks: () => void;
	/** More actions after the buttons, such as the overview's link to the checks. */
	children?: ReactNode;
}

const STATES: Record<
	ConnectionStatus[ 'state' ],
	{ label: string; icon: 'yes-alt' | 'warning' | 'dismiss' }
> = {
	connected: {
		label: __( 'Connected', 'causerie-connector' ),
		icon: 'yes-alt',
	},
	attention: {
		label: __( 'Needs attention', 'causerie-connector' ),
		icon: 'warning',
	},
	broken: {
		label: __( 'Not working', 'causerie-connector' ),
		icon: 'dismiss',
	},
};

/**
 * The five-second answer: is the chatbot connected, and if not, why and what to press. Its button is the
 * screen's only way to run the checks: "Run checks" before the first run, "Check again" after.
 *
 * @param props             Component props.
 * @param props.status      The connection status.
 * @param props.isChecking  Whether the checks are running.
 * @param props.onFix       Opens the fix wizard.
 * @param props.onRunChecks Runs the live checks again.
 * @param props.children    More actions.
 */
export function StatusHeader( {
	status,
	isChecking,
	onFix,
	onRunChecks,
	children = null,
}: Props ) {
	const state = STATES[ status.state ];
	const { diagnosis } = status;
	const neverChecked = status.checkedAt === null && diagnosis === null;
	let checkLabel: string = __( 'Check again', 'causerie-connector' );
	if ( isChecking ) {
		checkLabel = __( 'Checking…', 'causerie-connector' );
	} else if ( status.checkedAt === null ) {
		checkLabel = __( 'Run checks', 'causerie-connector' );
	}
	return (
		<section
			className={ `causerie-status causerie-status--${ status.state }` }
			aria-labelledby="causerie-status-title"
		>
			<Flex align="flex-start" gap={ 4 }>
				<Dashicon
					icon={ neverChecked ? 'clock' : state.icon }
					className="causerie-status__icon"
				/>
				<FlexBlock>
					<h2
						id="causerie-status-title"
						className="causerie-status__state"
					>
						{ neverChecked
							? __( 'Not checked yet', 'causerie-connector' )
							: state.label }
					</h2>
					{ diagnosis ? (
						<>
							<p className="causerie-status__title">
								{ diagnosis.title }
							</p>
							<p>{ diagnosis.explanation }</p>
						</>
					) : (
						<p>
							{ neverChecked
								? __(
										'Run the checks to see whether the chatbot can reach the Causerie API.',
										'causerie-connector'
									)
								: __(
										'The chatbot can reach the Causerie API with these credentials.',
										'causerie-connector'
									) }
						</p>
					) }
					{ ! diagnosis && status.healed && (
						// Why the screen is green again without anyone acting.
						<p className="causerie-status__healed">
							{ healedNote(
								status.healed.title,
								status.healed.at
							) }
						</p>
					) }
				</FlexBlock>
			</Flex>
			<Flex
				justify="flex-start"
				gap={ 2 }
				className="causerie-status__actions"
			>
				{ diagnosis && (
					<Button variant="primary" onClick={ onFix }>
						{ __( 'Fix it', 'causerie-connector' ) }
					</Button>
				) }
				<Button
					variant={ diagnosis ? 'secondary' : 'primary' }
					onClick={ onRunChecks }
					isBusy={ isChecking }
					aria-disabled={ isChecking }
				>
					{ checkLabel }
				</Button>
				{ children }
			</Flex>
		</section>
	);
}
