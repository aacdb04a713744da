package sanitize

import "testing"

func TestNameKeySame(t *testing.T) {
	groups := [][]string{
		{"admin", "ADMIN", "a\u200bdmin", "ａｄｍｉｎ", " Admin ", "Ad\u00ADmin",
			"ad min", "\u202eadmin", "\x1b[1madmin\x1b[0m", "аdmin" /* Cyrillic а */, "ádmin",
			"ad\u0301min", "𝐚𝐝𝐦𝐢𝐧", "ⓐⓓⓜⓘⓝ", "adm\u0131n", "admin\u3164", "admin\ufe0f", "ad\u2800min"},
		{"Straße", "STRASSE", "strasse"},
		{"José", "Jose\u0301", "JOSE"},
		{"日本語", "日本語\u200b", "日本語 "},
	}
	for _, g := range groups {
		want := NameKey(g[0])
		for _, s := range g[1:] {
			if got := NameKey(s); got != want {
				t.Errorf("NameKey(%+q) = %+q, want %+q (as for %+q)", s, got, want, g[0])
			}
		}
	}
	if got := NameKey("ADMIN"); got != "admin" {
		t.Errorf("NameKey(ADMIN) = %+q, want admin", got)
	}
}

func TestNameKeyDifferent(t *testing.T) {
	pairs := [][2]string{
		{"admin", "admln"},
		{"admin", "admin1"},
		{"ad_min", "admin"},
		{"Андрей", "Андреи"}, // й and и are different letters
		{"が", "か"},
		{"नमस्ते", "नमसते"},
	}
	for _, p := range pairs {
		if a, b := NameKey(p[0]), NameKey(p[1]); a == b {
			t.Errorf("NameKey(%+q) == NameKey(%+q) == %+q", p[0], p[1], a)
		}
	}
}

func TestNameKeyBlank(t *testing.T) {
	for _, s := range []string{"", "   ", "\u200b", "\u3164", "\u2800\u00a0", "\x1b[2J", "\u0301"} {
		if got := NameKey(s); got != "" {
			t.Errorf("NameKey(%+q) = %+q, want empty", s, got)
		}
	}
}
