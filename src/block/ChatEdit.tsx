import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { PanelBody, SelectControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export type Mode = 'panel' | 'button';

export interface ChatAttributes {
	mode: Mode;
	label: string;
}

interface Props {
	attributes: ChatAttributes;
	setAttributes: ( next: Partial< ChatAttributes > ) => void;
}

/**
 * A static preview of what visitors get (the widget script itself never runs in the editor), and the two
 * settings in the sidebar. The server renders the block for visitors (Chat_Embed).
 */
export function ChatEdit( { attributes, setAttributes }: Props ) {
	const { mode, label } = attributes;
	const blockProps = useBlockProps( {
		className: `causerie-chat causerie-chat--${ mode }`,
	} );
	const buttonText = label || __( 'Chat with us', 'causerie-connector' );

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Chatbot', 'causerie-connector' ) }>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Show', 'causerie-connector' ) }
						value={ mode }
						options={ [
							{
								value: 'panel',
								label: __(
									'An inline chat panel',
									'causerie-connector'
								),
							},
							{
								value: 'button',
								label: __(
									'A button that opens the chat',
									'causerie-connector'
								),
							},
						] }
						onChange={ ( value: string ) =>
							setAttributes( {
								mode: value === 'button' ? 'button' : 'panel',
							} )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={
							mode === 'button'
								? __( 'Button text', 'causerie-connector' )
								: __( 'Panel title', 'causerie-connector' )
						}
						value={ label }
						onChange={ ( value: string ) =>
							setAttributes( { label: value } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				{ mode === 'button' ? (
					<button type="button" className="wp-element-button">
						{ buttonText }
					</button>
				) : (
					<div
						className="causerie-chat__preview"
						style={ {
							border: '1px solid #ddd',
							borderRadius: '12px',
							padding: '12px 16px',
							minHeight: '120px',
						} }
					>
						<strong>
							{ label ||
								__(
									'Chat with the site’s chatbot',
									'causerie-connector'
								) }
						</strong>
						<p>
							{ __(
								'Visitors ask their questions here while the chat widget is on.',
								'causerie-connector'
							) }
						</p>
					</div>
				) }
			</div>
		</>
	);
}
