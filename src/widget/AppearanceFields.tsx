import {
	Button,
	ColorPalette,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { WidgetAppearance, WidgetBot } from '../shared/types';
import { MAX_GREETING, MAX_LAUNCHER_TEXT, normalizeColor } from './appearance';

interface Props {
	appearance: WidgetAppearance;
	bot: WidgetBot | null;
	onChange: ( appearance: WidgetAppearance ) => void;
}

const POSITIONS = {
	'bottom-right': __( 'Bottom right', 'causerie-connector' ),
	'bottom-left': __( 'Bottom left', 'causerie-connector' ),
};

/**
 * The owner's overrides of the bot's theme. Each empty value follows the bot, whose value shows in its place.
 *
 * @param props            Component props.
 * @param props.appearance The overrides being edited.
 * @param props.bot        The bot's theme; null before it was fetched.
 * @param props.onChange   Records a change.
 */
export function AppearanceFields( { appearance, bot, onChange }: Props ) {
	const set = ( changes: Partial< WidgetAppearance > ) =>
		onChange( { ...appearance, ...changes } );
	return (
		<fieldset className="causerie-widget-appearance">
			<legend>{ __( 'Appearance', 'causerie-connector' ) }</legend>
			<div
				role="group"
				aria-label={ __( 'Colour', 'causerie-connector' ) }
			>
				<span aria-hidden="true">
					{ __( 'Colour', 'causerie-connector' ) }
				</span>
				<ColorPalette
					colors={
						bot
							? [
									{
										name: __(
											"The bot's colour",
											'causerie-connector'
										),
										color: bot.color,
									},
								]
							: []
					}
					value={ appearance.color || bot?.color || '' }
					clearable={ false }
					onChange={ ( color ) =>
						set( {
							// Picking the bot's own colour is following it.
							color:
								normalizeColor( color ) === bot?.color
									? ''
									: normalizeColor( color ),
						} )
					}
				/>
				<Button
					variant="secondary"
					disabled={ appearance.color === '' }
					onClick={ () => set( { color: '' } ) }
				>
					{ __( "Use the bot's colour", 'causerie-connector' ) }
				</Button>
			</div>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Position', 'causerie-connector' ) }
				value={ appearance.position }
				options={ [
					{
						value: '',
						label: sprintf(
							/* translators: %s: a position, such as Bottom right. */
							__( "The bot's: %s", 'causerie-connector' ),
							POSITIONS[ bot?.position ?? 'bottom-right' ]
						),
					},
					{
						value: 'bottom-right',
						label: POSITIONS[ 'bottom-right' ],
					},
					{ value: 'bottom-left', label: POSITIONS[ 'bottom-left' ] },
				] }
				onChange={ ( position ) =>
					set( {
						position:
							position === 'bottom-right' ||
							position === 'bottom-left'
								? position
								: '',
					} )
				}
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Greeting', 'causerie-connector' ) }
				help={ __(
					"Empty: the bot's greeting, shown in grey.",
					'causerie-connector'
				) }
				value={ appearance.greeting }
				placeholder={ bot?.greeting ?? '' }
				maxLength={ MAX_GREETING }
				onChange={ ( greeting ) => set( { greeting } ) }
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Launcher text', 'causerie-connector' ) }
				help={ __(
					'Empty: the bubble shows only its icon.',
					'causerie-connector'
				) }
				value={ appearance.launcherText }
				maxLength={ MAX_LAUNCHER_TEXT }
				onChange={ ( launcherText ) => set( { launcherText } ) }
			/>
		</fieldset>
	);
}
