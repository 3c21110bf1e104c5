import { CheckboxControl, RadioControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type {
	WidgetPlacement,
	WidgetSettings,
	WidgetStatus,
} from '../shared/types';
import { ExcludedPosts } from './ExcludedPosts';

interface Props {
	settings: WidgetSettings;
	postTypes: WidgetStatus[ 'postTypes' ];
	/** Titles of the excluded posts the server knows. */
	titles: Map< number, string >;
	onChange: ( changes: Partial< WidgetSettings > ) => void;
}

const isPlacement = ( value: string ): value is WidgetPlacement =>
	[ 'everywhere', 'types', 'except', 'manual' ].includes( value );

/**
 * Where the chatbot shows by itself.
 *
 * @param props           Component props.
 * @param props.settings  The settings being edited.
 * @param props.postTypes The public post types.
 * @param props.titles    Titles of excluded posts, by id.
 * @param props.onChange  Records a change.
 */
export function PlacementFields( {
	settings,
	postTypes,
	titles,
	onChange,
}: Props ) {
	return (
		<div className="causerie-widget-placement">
			<RadioControl
				label={ __( 'Where it shows', 'causerie-connector' ) }
				selected={ settings.placement }
				options={ [
					{
						value: 'everywhere',
						label: __( 'Everywhere', 'causerie-connector' ),
					},
					{
						value: 'types',
						label: __(
							'On chosen content types',
							'causerie-connector'
						),
					},
					{
						value: 'except',
						label: __(
							'Everywhere except some pages',
							'causerie-connector'
						),
					},
					{
						value: 'manual',
						label: __(
							'Only where I add the Chatbot block or the [causerie_chat] shortcode',
							'causerie-connector'
						),
					},
				] }
				onChange={ ( value ) => {
					if ( isPlacement( value ) ) {
						onChange( { placement: value } );
					}
				} }
			/>
			{ settings.placement === 'types' &&
				postTypes.map( ( type ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ type.name }
						label={ type.label }
						checked={ settings.types.includes( type.name ) }
						onChange={ ( on ) =>
							onChange( {
								types: on
									? [ ...settings.types, type.name ]
									: settings.types.filter(
											( name ) => name !== type.name
										),
							} )
						}
					/>
				) ) }
			{ settings.placement === 'except' && (
				<ExcludedPosts
					ids={ settings.exclude }
					titles={ titles }
					onChange={ ( exclude ) => onChange( { exclude } ) }
				/>
			) }
		</div>
	);
}
