package form

import "charm.land/huh/v2"

// Theme is huh's Charm theme with nothing told by colour alone (issue 16):
// a yes/no question's chosen button reads "[x] I accept", the other
// "[ ] No", so NO_COLOR and monochrome terminals see which is chosen. The
// focused field keeps the theme's thick left bar, a shape.
func Theme(isDark bool) *huh.Styles {
	t := huh.ThemeCharm(isDark)
	next := t.Focused.Next
	mark := func(s *huh.FieldStyles) {
		s.FocusedButton = s.FocusedButton.SetString("[x]")
		s.BlurredButton = s.BlurredButton.SetString("[ ]")
	}
	mark(&t.Focused)
	mark(&t.Blurred)
	t.Focused.Next = next
	return t
}
