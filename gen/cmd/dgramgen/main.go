// Command dgramgen writes the files generated from spec/dgram.yaml (see
// gen.Outputs) and the generated blocks of the hand-written documents
// (gen.DocBlocks in gen.DocFiles), or with -check reports those that are
// stale.
//
//	dgramgen -root DIR          write every output under DIR
//	dgramgen -root DIR -check   write nothing; exit 1 listing stale outputs
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dgramkit/dgramkit/gen"
	"github.com/dgramkit/dgramkit/spec"
)

func main() {
	root := flag.String("root", ".", "the repository root, holding spec/dgram.yaml")
	check := flag.Bool("check", false, "write nothing; exit 1 listing every output that differs from a fresh generation")
	flag.Parse()
	if err := run(*root, *check); err != nil {
		fmt.Fprintln(os.Stderr, "dgramgen:", err)
		os.Exit(1)
	}
}

func run(root string, check bool) error {
	s, err := spec.Load(filepath.Join(root, "spec", "dgram.yaml"))
	if err != nil {
		return err
	}
	var stale []string
	for _, o := range gen.Outputs {
		out, err := o.Generate(s)
		if err != nil {
			return fmt.Errorf("%s: %w", o.Path, err)
		}
		path := filepath.Join(root, filepath.FromSlash(o.Path))
		if check {
			if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, out) {
				stale = append(stale, o.Path)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			return err
		}
	}
	used := map[string]bool{}
	for _, doc := range gen.DocFiles {
		path := filepath.Join(root, filepath.FromSlash(doc))
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, names, err := gen.FillDocBlocks(s, old)
		if err != nil {
			return fmt.Errorf("%s: %w", doc, err)
		}
		for _, n := range names {
			used[n] = true
		}
		if bytes.Equal(old, out) {
			continue
		}
		if check {
			stale = append(stale, doc)
		} else if err := os.WriteFile(path, out, 0o644); err != nil {
			return err
		}
	}
	for _, b := range gen.DocBlocks {
		if !used[b.Name] {
			return fmt.Errorf("generated block %q is in none of %v", b.Name, gen.DocFiles)
		}
	}
	if len(stale) > 0 {
		for _, p := range stale {
			fmt.Fprintln(os.Stderr, p)
		}
		return fmt.Errorf("%d generated files are stale; run go generate ./dgram", len(stale))
	}
	return nil
}
