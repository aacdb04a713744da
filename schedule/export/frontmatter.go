package export

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// frontMatter is the YAML header of a compilepython.com page, in the order
// of the site's default_template.md. It is written by yaml.v3, never by
// string concatenation, so any title (quotes, colons, "---", a leading "#"
// or "@", emoji) stays valid YAML. Its text fields hold plain text until
// writePage escapes them for pandoc (see metaText).
type frontMatter struct {
	Title    string   `yaml:"title"`
	Headline string   `yaml:"headline"`
	Summary  string   `yaml:"summary"`
	Date     string   `yaml:"date"`
	Type     pageType `yaml:"type"`
	Length   string   `yaml:"length"`
	Words    int      `yaml:"words"`
	Series   string   `yaml:"series,omitempty"`
	Project  string   `yaml:"project,omitempty"`
	Tags     []string `yaml:"tags"`
	Related  []string `yaml:"related,omitempty"`
}

// pageType is the site's kind of piece: concepts, systems, legacy or tools.
type pageType string

const (
	// typeTools: a page about at least one compiler tool. Every experience
	// report is one (a report always names its tool), and so is a talk or
	// topic tagged with a tool.
	typeTools pageType = "tools"
	// typeConcepts: every other page (the camp index, untagged sessions).
	typeConcepts pageType = "concepts"
)

// writePage renders a page: front matter, then the Markdown body. Words and
// length are counted from the body so they always match it.
func writePage(fm frontMatter, body string) ([]byte, error) {
	fm.Words = wordCount(body)
	fm.Length = readingTime(fm.Words)
	// Pandoc reads every metadata string as Markdown: people's text is
	// escaped here, in one place, so that no value can become HTML.
	for _, text := range []*string{&fm.Title, &fm.Headline, &fm.Summary, &fm.Series, &fm.Project} {
		*text = metaText(*text)
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	var doc yaml.Node
	if err := doc.Encode(fm); err != nil {
		return nil, err
	}
	quoteYAML11Specials(&doc)
	plainDate(&doc)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.WriteString("---\n\n")
	buf.WriteString(body)
	return buf.Bytes(), nil
}

// quoteYAML11Specials quotes the strings "=" and "<<". yaml.v3 writes them
// plain, which is fine in YAML 1.2, but YAML 1.1 readers such as PyYAML
// (likely in the site's build scripts) take them for the value and merge
// keys and fail. yaml.v3 already quotes the other YAML 1.1 surprises
// (yes, no, on, off, 0777).
func quoteYAML11Specials(n *yaml.Node) {
	// Every scalar of the front matter is a string or a number, so these two
	// are strings; yaml.v3 even tags "<<" !!merge, which PyYAML rejects.
	if n.Kind == yaml.ScalarNode && (n.Value == "=" || n.Value == "<<") {
		n.Tag, n.Style = "!!str", yaml.DoubleQuotedStyle
	}
	for _, child := range n.Content {
		quoteYAML11Specials(child)
	}
}

// plainDate writes the date unquoted (2026-03-28, not "2026-03-28"), so
// YAML readers take it for the date it is, as the site's template does.
// The value is always the camp's YYYY-MM-DD.
func plainDate(doc *yaml.Node) {
	m := doc
	if m.Kind == yaml.DocumentNode && len(m.Content) > 0 {
		m = m.Content[0]
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "date" {
			m.Content[i+1].Tag, m.Content[i+1].Style = "!!timestamp", 0
		}
	}
}
