// The block's packages are WordPress globals at run time (wp.blocks, wp.blockEditor): wp-scripts maps the
// imports to them. Only what the block uses is typed here, rather than installing the packages for their types.
declare module '@wordpress/blocks' {
	import type { ComponentType } from 'react';

	export function registerBlockType< T extends object >(
		metadata: { name: string } & Record< string, unknown >,
		settings: {
			edit: ComponentType< {
				attributes: T;
				setAttributes: ( next: Partial< T > ) => void;
			} >;
			save: () => null;
		}
	): unknown;
}

declare module '@wordpress/block-editor' {
	import type { ReactNode } from 'react';

	export function useBlockProps(
		props?: Record< string, unknown >
	): Record< string, unknown >;
	export function InspectorControls( props: {
		children?: ReactNode;
	} ): JSX.Element;
}
