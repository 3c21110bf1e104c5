import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Flex,
	FlexItem,
	Notice,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { useSupportReport } from './hooks/useSupportReport';
import { copyText, downloadText, reportFileName } from '../shared/export';

const ignoreEdits = () => undefined;

/**
 * A redacted diagnostics report to send to support: made on request, previewed read-only, then copied or
 * downloaded. The server leaves out every secret and token.
 */
export function SupportReport() {
	const { data, isBusy, error, load } = useSupportReport();
	const [ announcement, setAnnouncement ] = useState( '' );

	// The same message twice in a row must still be spoken: a trailing no-break space makes it new.
	const announce = ( message: string ) =>
		setAnnouncement( ( previous ) =>
			previous === message ? `${ message }\u00a0` : message
		);

	const copy = async () => {
		if ( ! data ) {
			return;
		}
		const copied = await copyText( data.text );
		announce(
			copied
				? __( 'Report copied to the clipboard.', 'causerie-connector' )
				: __(
						'The report could not be copied. Select the text in the preview and copy it yourself.',
						'causerie-connector'
					)
		);
	};

	const download = () => {
		if ( ! data ) {
			return;
		}
		const fileName = reportFileName(
			data.report.site.siteUrl,
			data.generatedAt
		);
		downloadText( data.text, fileName );
		announce(
			sprintf(
				/* translators: %s: file name, such as causerie-report-example.com-2026-11-26.txt */
				__( 'Report downloaded as %s.', 'causerie-connector' ),
				fileName
			)
		);
	};

	return (
		<Card className="causerie-support-report">
			<CardHeader>
				<h2>{ __( 'Support report', 'causerie-connector' ) }</h2>
			</CardHeader>
			<CardBody>
				<p>
					{ __(
						'A summary of the connection to send to Causerie support or your developer: versions, settings, checks and recent events. It holds no secret and no token.',
						'causerie-connector'
					) }
				</p>
				<Button
					__next40pxDefaultSize
					variant={ data ? 'secondary' : 'primary' }
					onClick={ load }
					isBusy={ isBusy }
					disabled={ isBusy }
					accessibleWhenDisabled
				>
					{ data
						? __( 'Create it again', 'causerie-connector' )
						: __( 'Create the report', 'causerie-connector' ) }
				</Button>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						<p>{ error.message }</p>
						<Button variant="secondary" onClick={ load }>
							{ __( 'Try again', 'causerie-connector' ) }
						</Button>
					</Notice>
				) }
				{ data && (
					<>
						<TextareaControl
							__nextHasNoMarginBottom
							label={ __(
								'Report preview',
								'causerie-connector'
							) }
							value={ data.text }
							onChange={ ignoreEdits }
							readOnly
							rows={ 14 }
							className="causerie-support-report__preview"
						/>
						<Flex justify="flex-start">
							<FlexItem>
								<Button
									__next40pxDefaultSize
									variant="primary"
									onClick={ copy }
								>
									{ __( 'Copy', 'causerie-connector' ) }
								</Button>
							</FlexItem>
							<FlexItem>
								<Button
									__next40pxDefaultSize
									variant="secondary"
									onClick={ download }
								>
									{ __( 'Download', 'causerie-connector' ) }
								</Button>
							</FlexItem>
						</Flex>
					</>
				) }
				<p
					role="status"
					aria-live="polite"
					className="causerie-support-report__status"
				>
					{ announcement }
				</p>
			</CardBody>
		</Card>
	);
}
