package fiberdialect

import "net/url"

// ParamValue returns the value a client put into the URL, from raw, the
// text c.Params hands a handler, in an app whose Config.UnescapePath is
// unescaped. With fiber's default Config (false) the router matches the
// raw path and raw is the path text ("a%2Fb%20c"): it is decoded with
// url.PathUnescape, the inverse of urlfor's escaping ("%XX" decoded, "+"
// kept). With UnescapePath fiber decoded the path before routing (fasthttp
// decodes "+" to a space there, so urlfor refuses "+" and "/" in values)
// and raw is returned as it is. Without an escape to decode it shares
// raw's memory, as c.Params' value does. An escape that does not decode
// (only from a client that did not use our URL: net/http answers 400 to
// one) is url.PathUnescape's url.EscapeError.
func ParamValue(raw string, unescaped bool) (string, error) {
	if unescaped {
		return raw, nil
	}
	return url.PathUnescape(raw)
}
