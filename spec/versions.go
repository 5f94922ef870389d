package spec

import (
	"fmt"
	"strconv"
	"strings"
)

// A MinorVersion is a MAJOR.MINOR version: when a call or an event was
// added (since:), and from when on each minor's C functions get a symbol
// version node of their own (versionNodesFrom:).
type MinorVersion struct{ Major, Minor int }

// ParseMinor parses "MAJOR.MINOR".
func ParseMinor(v string) (MinorVersion, error) {
	maj, min, ok := strings.Cut(v, ".")
	a, errA := strconv.Atoi(maj)
	b, errB := strconv.Atoi(min)
	if !ok || errA != nil || errB != nil || a < 0 || b < 0 || a > 99 || b > 99 {
		return MinorVersion{}, fmt.Errorf("version %q: want MAJOR.MINOR", v)
	}
	return MinorVersion{a, b}, nil
}

// String is "MAJOR.MINOR".
func (v MinorVersion) String() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// Less orders versions.
func (v MinorVersion) Less(w MinorVersion) bool {
	return v.Major < w.Major || v.Major == w.Major && v.Minor < w.Minor
}

// Minor is the spec's version as MAJOR.MINOR.
func (s *Spec) Minor() MinorVersion {
	maj, rest, _ := strings.Cut(s.Version, ".")
	min, _, _ := strings.Cut(rest, ".")
	v, _ := ParseMinor(maj + "." + min)
	return v
}

// VersionNode is the symbol version node of the C functions added in
// since (a MAJOR.MINOR the loader checked): DGRAM_<MAJOR>.<MINOR> from
// VersionNodesFrom on, DGRAM_<MAJOR> before it (and without it), where the
// functions already released stay.
func (s *Spec) VersionNode(since string) string {
	v, err := ParseMinor(since)
	if err != nil {
		return ""
	}
	prefix := strings.ToUpper(s.Name) + "_"
	if from, err := ParseMinor(s.VersionNodesFrom); err == nil && !v.Less(from) {
		return prefix + v.String()
	}
	return prefix + strconv.Itoa(v.Major)
}

// versions checks versionNodesFrom: a MAJOR.MINOR of the spec's major.
func (c *checker) versions() {
	s := c.s
	if s.VersionNodesFrom == "" {
		return
	}
	v, err := ParseMinor(s.VersionNodesFrom)
	if err != nil {
		c.failf(1, "versionNodesFrom: %v", err)
	} else if s.Version != "" && v.Major != s.Minor().Major {
		c.failf(1, "versionNodesFrom %s: not of the spec's major version %d", s.VersionNodesFrom, s.Minor().Major)
	}
}

// since checks a since: version: MAJOR.MINOR, of the spec's major, not
// after the spec's version (bump version: when adding).
func (c *checker) since(what, since string, line int) {
	v, err := ParseMinor(since)
	switch {
	case err != nil:
		c.failf(line, "%s: since %v", what, err)
	case c.s.Version == "":
	case v.Major != c.s.Minor().Major:
		c.failf(line, "%s: since %s is not of the spec's major version %d", what, since, c.s.Minor().Major)
	case c.s.Minor().Less(v):
		c.failf(line, "%s: since %s is after the spec's version %s: bump version: to %s.0", what, since, c.s.Version, since)
	}
}

// number checks a stable value: at least min, unique among its kind; a
// duplicate names next, the value above the highest of its kind.
func (c *checker) number(seen map[int]string, what, name string, n, min, next, line int) {
	other, dup := seen[n]
	switch {
	case n < min:
		c.failf(line, "%s %s: number %d is below %d", what, name, n, min)
	case dup:
		c.failf(line, "%s %s: number %d is also %s's (a released number never moves: give the new one %d)", what, name, n, other, next)
	default:
		seen[n] = name
	}
}

// nextNumber is the value above the highest of numbers (min when none is).
func nextNumber[T any](xs []T, number func(T) int, min int) int {
	next := min
	for _, x := range xs {
		next = max(next, number(x)+1)
	}
	return next
}
