// Types of partyline.js, the JavaScript client of partyline: it builds the
// URLs of a route manifest ("partyline.manifest/1", written by Go's
// urlfor.Builder.Manifest) as Go's urlfor.Builder builds them.

/** The manifest version this client reads (urlfor.ManifestVersion). */
export declare const MANIFEST_VERSION: "partyline.manifest/1";

/** A parameter value: strings, or numbers, booleans and bigints written with String(). */
export type Value = string | number | boolean | bigint;

/**
 * [key, value] pairs, in order (an array, a Map, URLSearchParams); a key
 * may repeat, for the query.
 */
export type Pairs = Iterable<readonly [string, Value]>;

/**
 * The parameters of a build: a plain object, or [key, value] pairs. Keys
 * the route does not use become the query string, sorted by key.
 */
export type Params = { readonly [key: string]: Value } | Pairs;

/** Options of urlFor. */
export interface UrlForOptions {
  /** The fragment, without "#"; escaped per RFC 3986 §3.5. "" for none. */
  fragment?: string;
  /**
   * The origin of absolute URLs, "https://example.com" (scheme http or
   * https, a host name, IPv4 or bracketed IPv6 address, an optional port).
   * Given, it makes the URL absolute unless `absolute` is false.
   */
  origin?: string;
  /** Build an absolute URL on `origin`, else on the manifest's origin. */
  absolute?: boolean;
}

/** What urlFor's errors say went wrong. */
export type ErrorCode =
  /** No endpoint of that name; `suggestions` holds close names. */
  | "unknown_endpoint"
  /** A bare name of several endpoints, or one app's two routes of a name; see `candidates`. */
  | "ambiguous"
  /** A required parameter was not given: `param`. */
  | "missing_param"
  /** A value cannot be used: `param`, `value`, `reason`, and `takenBy` when another route takes it. */
  | "invalid_param"
  /** The call itself is wrong: an empty name, a key given twice, an empty key, more than 64 pairs, a bad origin or fragment, a value that is not a Value, a manifest of another version. */
  | "bad_call"
  /** The route could not be translated (its `error` in the manifest), or this client cannot compile it. */
  | "untranslatable";

/** The error urlFor throws, where Go's urlfor.Builder returns an error. */
export declare class PartylineError extends Error {
  constructor(code: ErrorCode, message: string, fields?: object);
  readonly name: "PartylineError";
  readonly code: ErrorCode;
  /** The endpoint name as asked. */
  readonly endpoint?: string;
  /** The route's pattern, in its framework's dialect. */
  readonly pattern?: string;
  /** The parameter (its name, not an alias); for a refused query value, its key. */
  readonly param?: string;
  /** The value given ("" when missing). */
  readonly value?: string;
  /** Why the value was refused. */
  readonly reason?: string;
  /** The route that takes the value instead: "GET /posts/new". */
  readonly takenBy?: string;
  /** True for "missing_param". */
  readonly missing?: boolean;
  /** For "ambiguous": "blog:post (GET /posts/:id)", sorted. */
  readonly candidates?: string[];
  /** For "unknown_endpoint": up to three close names, closest first. */
  readonly suggestions?: string[];
}

/** A set of values another route takes (urlfor.Taken). */
export interface ManifestTaken {
  by?: string;
  values?: string[];
  prefixes?: string[];
  proper?: boolean;
  matching?: string;
  js?: string;
  nonEmpty?: boolean;
  fold?: boolean;
}

/** One part of a compiled pattern (urlfor.Part). */
export interface ManifestPart {
  /** "literal", "param" or "wildcard". */
  kind: string;
  /** The literal text, or the parameter's name. */
  text: string;
  alias?: string;
  optional?: boolean;
  slashed?: boolean;
  /** The constraint in Go's RE2 syntax. */
  pattern?: string;
  /** The constraint in ECMAScript syntax (for the "u" flag), matched whole. */
  js?: string;
  stop?: string;
  taken?: ManifestTaken[];
}

/** A query value a route requires. */
export interface ManifestQuery {
  key: string;
  value: ManifestPart;
}

/** One endpoint of a manifest (urlfor.ManifestEndpoint). */
export interface ManifestEndpoint {
  namespace?: string;
  framework?: string;
  methods?: string[];
  /** The URL as an RFC 6570 template, mount prefix included: "/blog/posts/{id}". */
  template: string;
  host?: string;
  scheme?: string;
  pattern: string;
  prefix?: string;
  path?: ManifestPart[];
  hostParts?: ManifestPart[];
  query?: ManifestQuery[];
  unroutable?: string;
  backtracks?: boolean;
  nested?: string[];
  error?: string;
  ambiguous?: string[];
}

declare const endpointMap: unique symbol;

/**
 * A route manifest. E, the endpoint map, exists only for the type checker:
 * with the generated one (routes.d.ts's Endpoints, mapping each name to its
 * parameters) a misspelt endpoint or a missing parameter is a compile
 * error:
 *
 *     import type { Endpoints } from "./routes";
 *     const routes = manifest as Manifest<Endpoints>;
 *     urlFor(routes, "blog:post", { id: 7 });
 */
export interface Manifest<E = AnyEndpoints> {
  /** The version: "partyline.manifest/1". */
  partyline: string;
  /** Where the exported apps are reached: "https://example.com". */
  origin?: string;
  /** The party's invite paths, without their trailing slash. */
  invitePaths?: string[];
  endpoints: { [name: string]: ManifestEndpoint };
  /**
   * Type only, never present at run time: carries E (a method, so that
   * manifests convert to and from any endpoint map with a plain `as`).
   */
  [endpointMap]?(endpoints: E): void;
}

/** The endpoint map of a manifest with no generated types: any name, any parameters. */
export type AnyEndpoints = { [name: string]: any };

/** The names of an endpoint map. */
export type EndpointName<E> = Extract<keyof E, string>;

/** The parameters of endpoint N: its own (required ones required), and any other key for the query; or pairs, which are not checked. */
export type ParamsFor<E, N extends keyof E> = (E[N] & { readonly [key: string]: Value }) | Pairs;

type Rest<E, N extends keyof E> = string extends keyof E
  ? [params?: Params | null, options?: UrlForOptions] // no generated types
  : {} extends E[N]
    ? [params?: ParamsFor<E, N> | null, options?: UrlForOptions]
    : [params: ParamsFor<E, N>, options?: UrlForOptions];

/**
 * Builds the URL of endpoint `name` of `manifest`, as Go's urlfor.Builder
 * builds it for the same endpoint: the mount prefix and the path, each
 * value escaped for its place, the unused parameters as a query string
 * sorted by key, the fragment. Throws a PartylineError where Go refuses.
 */
export declare function urlFor<E = AnyEndpoints, N extends EndpointName<E> = EndpointName<E>>(
  manifest: Manifest<E>,
  name: N,
  ...rest: Rest<E, N>
): string;
