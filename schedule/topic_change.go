package schedule

// TopicChange is a change to some of a topic's fields: nil leaves a field as
// it is. Organisers use it to retitle a topic or tag it for a reserved track
// (an untagged topic can then go into the compilepython room); a leader may
// make the same change to their own topic.
type TopicChange struct {
	Title       *string
	Description *string
	Tags        *[]string
}
