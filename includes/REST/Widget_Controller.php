<?php
/**
 * REST route for the chat widget.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\REST;

use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Widget\Preview_Page;
use Causerie\Connector\Widget\Widget_Options;
use Causerie\Connector\Widget\Widget_Service;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET and PUT /causerie/v1/widget: the owner's choices, the bot as Causerie describes it, whether visitors see
 * it and why not, and what the screen offers (post types, the excluded posts' titles). PUT takes a partial
 * `settings` object, checked against the schema: a bad one is refused whole and nothing changes. Turning the
 * widget on goes to the API; when it refuses, the answer is its diagnosis and nothing changes either.
 *
 * @phpstan-import-type Settings from Widget_Options
 */
final class Widget_Controller extends Admin_Controller {

	public const REST_BASE = 'widget';

	/**
	 * Constructor.
	 *
	 * @param Widget_Options $options The widget's option.
	 * @param Widget_Service $service Turns it on and off.
	 */
	public function __construct(
		private readonly Widget_Options $options,
		private readonly Widget_Service $service
	) {
		parent::__construct();
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/' . self::REST_BASE,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_permission' ),
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_permission' ),
					'args'                => array(
						'settings' => array(
							'description'       => __( 'The choices to change; those left out stay as they are.', 'causerie-connector' ),
							'required'          => true,
							'validate_callback' => array( self::class, 'validate_settings' ),
						) + self::settings_schema(),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The widget as the screen shows it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$bot   = $this->options->bot();
		$state = $this->service->state();
		return rest_ensure_response(
			array(
				'settings'   => $this->options->settings(),
				// The script and chat addresses are for pages; the screen previews with the theme.
				'bot'        => null === $bot ? null : array_intersect_key( $bot, array_flip( array( 'botId', 'greeting', 'color', 'textColor', 'position', 'origin' ) ) ),
				'state'      => $state,
				'problem'    => Widget_Service::STATE_HIDDEN === $state ? $this->options->problem() : null,
				'consentApi' => function_exists( 'wp_has_consent' ),
				'postTypes'  => array_values(
					array_map(
						static fn( \WP_Post_Type $type ): array => array(
							'name'  => $type->name,
							'label' => (string) $type->label,
						),
						self::post_types()
					)
				),
				'excluded'   => self::titles( $this->options->settings()['exclude'] ),
				'homeUrl'    => home_url(),
				'previewUrl' => Preview_Page::url( $this->options->settings() ),
			)
		);
	}

	/**
	 * Changes the choices; turning the widget on needs the API to agree.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$given   = $request->get_param( 'settings' );
		$changes = array();
		// The schema checked the shape: an object of known keys.
		foreach ( is_array( $given ) ? $given : array() as $key => $value ) {
			$changes[ (string) $key ] = $value;
		}
		$types   = is_array( $changes['types'] ?? null ) ? array_filter( $changes['types'], 'is_string' ) : array();
		$unknown = array_values( array_diff( $types, array_keys( self::post_types() ) ) );
		if ( array() !== $unknown ) {
			return Settings_Input::field_error(
				'causerie_unknown_post_type',
				/* translators: %s: a post type name */
				sprintf( __( 'There is no public post type named %s on this site.', 'causerie-connector' ), sanitize_key( $unknown[0] ) ),
				'settings'
			);
		}
		$refused = $this->service->update( $changes );
		if ( $refused instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_widget_refused', $refused );
		}
		return $this->get_item( $request );
	}

	/**
	 * Checks the settings against the schema, lists first: core would read a string as a comma-separated list.
	 *
	 * @param mixed           $value   The settings sent.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   The parameter's name.
	 * @return true|WP_Error
	 */
	public static function validate_settings( $value, $request, $param ) {
		foreach ( array( 'types', 'exclude' ) as $list ) {
			if ( is_array( $value ) && array_key_exists( $list, $value ) && ! ( is_array( $value[ $list ] ) && array_is_list( $value[ $list ] ) ) ) {
				/* translators: %s: a field name, such as settings[types]. */
				return new WP_Error( 'rest_invalid_type', sprintf( __( '%s must be a list.', 'causerie-connector' ), $param . '[' . $list . ']' ), array( 'status' => 400 ) );
			}
		}
		return rest_validate_request_arg( $value, $request, $param );
	}

	/**
	 * The response schema.
	 *
	 * @return array<mixed>
	 */
	public function get_item_schema() {
		$text         = array( 'type' => 'string' );
		$this->schema = array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'causerie-widget',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'settings'   => self::settings_schema(),
				'bot'        => array(
					'type'       => array( 'object', 'null' ),
					'properties' => array_fill_keys( array( 'botId', 'greeting', 'color', 'textColor', 'position', 'origin' ), $text ),
				),
				'state'      => array(
					'type' => 'string',
					'enum' => array( Widget_Service::STATE_OFF, Widget_Service::STATE_ON, Widget_Service::STATE_HIDDEN, Widget_Service::STATE_UNAVAILABLE ),
				),
				'problem'    => array( 'type' => array( 'string', 'null' ) ),
				'consentApi' => array( 'type' => 'boolean' ),
				'postTypes'  => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'name'  => $text,
							'label' => $text,
						),
					),
				),
				'excluded'   => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'    => array( 'type' => 'integer' ),
							'title' => $text,
						),
					),
				),
				'homeUrl'    => $text,
				'previewUrl' => array( 'type' => array( 'string', 'null' ) ),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The settings as JSON Schema: Widget_Options' rules, so a value the option would drop is refused instead.
	 *
	 * @return array<string, mixed>
	 */
	private static function settings_schema(): array {
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'enabled'    => array( 'type' => 'boolean' ),
				'placement'  => array(
					'type' => 'string',
					'enum' => Widget_Options::PLACEMENTS,
				),
				'types'      => array(
					'type'        => 'array',
					'maxItems'    => Widget_Options::MAX_LISTED,
					'uniqueItems' => true,
					'items'       => array(
						'type'    => 'string',
						'pattern' => '^[a-z0-9_-]{1,20}$',
					),
				),
				'exclude'    => array(
					'type'        => 'array',
					'maxItems'    => Widget_Options::MAX_LISTED,
					'uniqueItems' => true,
					'items'       => array(
						'type'    => 'integer',
						'minimum' => 1,
					),
				),
				'appearance' => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'properties'           => array(
						'color'        => array(
							'type'    => 'string',
							'pattern' => '^(#[0-9a-f]{6})?$',
						),
						'position'     => array(
							'type' => 'string',
							'enum' => array_merge( Widget_Options::POSITIONS, array( '' ) ),
						),
						'greeting'     => array(
							'type'      => 'string',
							'maxLength' => 200,
						),
						'launcherText' => array(
							'type'      => 'string',
							'maxLength' => 40,
						),
					),
				),
				'consent'    => array(
					'type' => 'string',
					'enum' => Widget_Options::CONSENT,
				),
			),
		);
	}

	/**
	 * The post types the bubble may be limited to: the public ones, attachments aside.
	 *
	 * @return array<string, \WP_Post_Type>
	 */
	private static function post_types(): array {
		$types = get_post_types( array( 'public' => true ), 'objects' );
		unset( $types['attachment'] );
		return $types;
	}

	/**
	 * The excluded posts that still exist, with their titles.
	 *
	 * @param int[] $ids Post ids.
	 * @return list<array{id: int, title: string}>
	 *
	 * @phpstan-param list<int> $ids
	 */
	private static function titles( array $ids ): array {
		if ( array() === $ids ) {
			return array();
		}
		_prime_post_caches( $ids, false, false );
		$titles = array();
		foreach ( $ids as $id ) {
			$post = get_post( $id );
			if ( $post instanceof \WP_Post ) {
				$titles[] = array(
					'id'    => $id,
					'title' => html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ),
				);
			}
		}
		return $titles;
	}
}
