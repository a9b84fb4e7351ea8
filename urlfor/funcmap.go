package urlfor

import (
	"fmt"
	"html/template"
	"strconv"
)

// FuncMap returns the template functions of b for html/template:
//
//	{{urlFor "blog:post" "id" .ID}}         -> /blog/posts/7
//	{{urlFor "shop:search" "q" "red shoes"}} -> /search?q=red+shoes
//
// Values may be strings, integers, unsigned integers, booleans, or anything
// with a String method ([fmt.Stringer]); keys must be strings. A failed build
// fails the template's execution with the error. For text/template, convert:
// texttemplate.FuncMap(urlfor.FuncMap(b)).
func FuncMap(b *Builder) template.FuncMap {
	return template.FuncMap{
		"urlFor": func(name string, args ...any) (string, error) {
			var buf [8]string
			pairs, err := pairsInto(buf[:0], args...)
			if err != nil {
				return "", fmt.Errorf("urlFor %s: %w", quote(name), err)
			}
			return b.Build(&Request{Name: name, Pairs: pairs})
		},
	}
}

func pairsInto(pairs []string, args ...any) ([]string, error) {
	if len(args)%2 != 0 {
		return nil, badCall("odd number of arguments (%d): give key, value, key, value...", len(args))
	}
	for i, a := range args {
		if i%2 == 0 {
			k, ok := a.(string)
			if !ok {
				return nil, badCall("key #%d is %T, want a string", i/2+1, a)
			}
			pairs = append(pairs, k)
			continue
		}
		v, ok := valueString(a)
		if !ok {
			return nil, badCall("value of %s is %T; give a string, an integer, a bool or a fmt.Stringer", quote(pairs[i-1]), a)
		}
		pairs = append(pairs, v)
	}
	return pairs, nil
}

// FuncMap is [FuncMap] with the participant's local names first (see
// [Participant.URL]): adapters hand it to their framework's renderer.
func (p *Participant) FuncMap() template.FuncMap {
	return funcMap(p.Build)
}

func funcMap(build func(*Request) (string, error)) template.FuncMap {
	return template.FuncMap{
		"urlFor": func(name string, args ...any) (string, error) {
			pairs, err := Pairs(args...)
			if err != nil {
				return "", fmt.Errorf("urlFor %s: %w", quote(name), err)
			}
			return build(&Request{Name: name, Pairs: pairs})
		},
	}
}

// Pairs converts template or handler arguments to the key, value pairs of
// [Builder.URL]: keys must be strings; values may be strings, integers,
// unsigned integers, booleans, or [fmt.Stringer]s. Other types, and an odd
// count, are an error wrapping [ErrBadCall].
func Pairs(args ...any) ([]string, error) {
	if len(args)%2 != 0 {
		return nil, badCall("odd number of arguments (%d): give key, value, key, value...", len(args))
	}
	pairs := make([]string, len(args))
	for i, a := range args {
		if i%2 == 0 {
			k, ok := a.(string)
			if !ok {
				return nil, badCall("key #%d is %T, want a string", i/2+1, a)
			}
			pairs[i] = k
			continue
		}
		v, ok := valueString(a)
		if !ok {
			return nil, badCall("value of %s is %T; give a string, an integer, a bool or a fmt.Stringer", quote(pairs[i-1]), a)
		}
		pairs[i] = v
	}
	return pairs, nil
}

func valueString(a any) (string, bool) {
	switch v := a.(type) {
	case string:
		return v, true
	case int:
		return strconv.Itoa(v), true
	case int8:
		return strconv.FormatInt(int64(v), 10), true
	case int16:
		return strconv.FormatInt(int64(v), 10), true
	case int32:
		return strconv.FormatInt(int64(v), 10), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case uint:
		return strconv.FormatUint(uint64(v), 10), true
	case uint8:
		return strconv.FormatUint(uint64(v), 10), true
	case uint16:
		return strconv.FormatUint(uint64(v), 10), true
	case uint32:
		return strconv.FormatUint(uint64(v), 10), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	case bool:
		return strconv.FormatBool(v), true
	case fmt.Stringer:
		return v.String(), true
	}
	return "", false
}
