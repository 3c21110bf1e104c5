import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
} from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

import { chosenCount, typeLabel } from './content';
import { useContentChoice } from './hooks/useContentChoice';

interface Props {
	/** Told how many posts went to the knowledge base's queue. */
	onStarted: ( count: number ) => void;
}

/**
 * Step 3: what the chatbot learns from. The kinds of content with how many are published, the same choice the
 * Knowledge tab offers; "Send" chooses them and starts the first sync, which goes on in the background.
 *
 * @param props           Component props.
 * @param props.onStarted Told of the sync started.
 */
export function ContentStep( { onStarted }: Props ) {
	const { postTypes, chosen, toggle, start, isBusy, error } =
		useContentChoice();
	if ( postTypes === null ) {
		return error ? (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		) : (
			<Spinner />
		);
	}
	const count = chosenCount( postTypes, chosen );
	return (
		<form
			className="causerie-first-run__form"
			onSubmit={ ( event ) => {
				event.preventDefault();
				start().then( ( started ) => started && onStarted( count ) );
			} }
		>
			<p>
				{ __(
					'The chatbot answers your visitors from what your site publishes. Choose what it reads; drafts and private content never go.',
					'causerie-connector'
				) }
			</p>
			<fieldset className="causerie-first-run__choices">
				<legend>
					{ __( 'Content to send', 'causerie-connector' ) }
				</legend>
				{ postTypes.map( ( type ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ type.name }
						label={ typeLabel( type ) }
						checked={ chosen.includes( type.name ) }
						onChange={ ( on: boolean ) => toggle( type.name, on ) }
					/>
				) ) }
			</fieldset>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<Button
				variant="primary"
				type="submit"
				isBusy={ isBusy }
				disabled={ isBusy }
				accessibleWhenDisabled
			>
				{ count > 0
					? sprintf(
							/* translators: %d: how many pages and posts */
							_n(
								'Send %d item to the chatbot',
								'Send %d items to the chatbot',
								count,
								'causerie-connector'
							),
							count
						)
					: __( 'Continue without content', 'causerie-connector' ) }
			</Button>
		</form>
	);
}
