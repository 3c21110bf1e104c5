import { ToggleControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { humanTimeDiff } from '@wordpress/date';
import { PluginDocumentSettingPanel } from '@wordpress/editor';
import { __ } from '@wordpress/i18n';

import { describe, type KnowledgeState } from './knowledgeState';

const EXCLUDE = '_causerie_exclude';

interface EditorSelectors {
	getEditedPostAttribute: ( name: string ) => unknown;
	getCurrentPostAttribute: ( name: string ) => unknown;
}

/** The document sidebar's panel: the switch that leaves the post out, and where the post stands. */
export function KnowledgePanel() {
	const { meta, status, state } = useSelect( ( select ) => {
		const editor = select( 'core/editor' ) as unknown as EditorSelectors;
		return {
			meta: ( editor.getEditedPostAttribute( 'meta' ) ?? {} ) as Record<
				string,
				unknown
			>,
			status: editor.getEditedPostAttribute( 'status' ),
			state: editor.getCurrentPostAttribute( 'causerie_knowledge' ) as
				KnowledgeState | undefined,
		};
	}, [] );
	const { editPost } = useDispatch( 'core/editor' ) as unknown as {
		editPost: ( edits: Record< string, unknown > ) => void;
	};
	const excluded = meta[ EXCLUDE ] === true;
	const since = state?.at ? humanTimeDiff( state.at ) : '';

	return (
		<PluginDocumentSettingPanel
			name="causerie-knowledge"
			title={ __( 'Chatbot knowledge', 'causerie-connector' ) }
		>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Leave out of the chatbot’s knowledge',
					'causerie-connector'
				) }
				checked={ excluded }
				onChange={ ( value: boolean ) =>
					editPost( { meta: { ...meta, [ EXCLUDE ]: value } } )
				}
			/>
			<p className="causerie-knowledge-state">
				{ describe( state, excluded, status === 'publish', since ) }
			</p>
		</PluginDocumentSettingPanel>
	);
}
