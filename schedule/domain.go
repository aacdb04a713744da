package schedule

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Role is what a person may do. It comes only from the authenticated key.
type Role string

const (
	RoleOrganiser Role = "organiser"
	RoleAttendee  Role = "attendee"
	RoleGuest     Role = "guest" // keyboard-interactive, no key: read only
)

// Person is someone who has connected, known by their key's fingerprint.
type Person struct {
	ID          int64     `json:"id"`
	Fingerprint string    `json:"fingerprint,omitempty"`
	Name        string    `json:"name"`
	TZ          string    `json:"tz,omitempty"`
	Role        Role      `json:"role"`
	AcceptedCoC time.Time `json:"accepted_coc,omitzero"`
	Muted       bool      `json:"muted,omitempty"`
	Banned      bool      `json:"banned,omitempty"`
	Email       string    `json:"email,omitempty"` // linked from the Eventbrite registration
	CreatedAt   time.Time `json:"created_at"`
	// OnlyVoted marks a key that joined recently (within NewKeyWindow) and
	// has done nothing but dot-vote: what vote stuffing with generated keys
	// looks like. Organisers see it in the People view and `people`.
	OnlyVoted bool `json:"only_voted,omitempty"`
}

// NewKeyWindow is how recently a key must have joined for a vote-only key
// to be pointed out to organisers.
const NewKeyWindow = 2 * time.Hour

// Actor is the person acting with their key's role: the way every layer
// turns a login into the actor of its writes.
func (p Person) Actor() Actor { return Actor{PersonID: p.ID, Role: p.Role, Fingerprint: p.Fingerprint} }

// Joined reports whether the person has chosen a name and accepted the code
// of conduct, which every write requires.
func (p Person) Joined() bool { return p.Name != "" && !p.AcceptedCoC.IsZero() }

// TalkStatus is where a lightning talk is in its life.
type TalkStatus string

const (
	TalkProposed  TalkStatus = "proposed"
	TalkApproved  TalkStatus = "approved"
	TalkLive      TalkStatus = "live"
	TalkDone      TalkStatus = "done"
	TalkSkipped   TalkStatus = "skipped"
	TalkRejected  TalkStatus = "rejected"
	TalkWithdrawn TalkStatus = "withdrawn"
)

// Talk is a lightning-talk proposal and, once approved, its place in a queue.
type Talk struct {
	ID         int64      `json:"id"`
	Event      string     `json:"event"`
	SpeakerID  int64      `json:"speaker_id"`
	Speaker    string     `json:"speaker"`
	Title      string     `json:"title"`
	Abstract   string     `json:"abstract"`
	Minutes    int        `json:"minutes"`
	Links      []string   `json:"links"`
	Tools      []string   `json:"tools"`
	Tags       []string   `json:"tags"`
	CanMake    []string   `json:"can_make"` // talks blocks the speaker can attend
	Block      string     `json:"block"`    // the block whose queue holds it
	Position   int        `json:"position"` // 1-based within the block's queue
	Status     TalkStatus `json:"status"`
	StartedAt  time.Time  `json:"started_at,omitzero"`
	FinishedAt time.Time  `json:"finished_at,omitzero"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
	// EditedAfterApproval is set when the speaker changed the talk after an
	// organiser approved it: the talk went back to review, and this keeps
	// what was approved so organisers see what changed.
	EditedAfterApproval *ApprovedVersion `json:"edited_after_approval,omitempty"`
}

// ApprovedVersion is a talk as an organiser approved it, and which of its
// reviewed fields the speaker has changed since.
type ApprovedVersion struct {
	Title    string    `json:"title"`
	Minutes  int       `json:"minutes"`
	Abstract string    `json:"abstract"`
	Links    []string  `json:"links"`
	Changed  []string  `json:"changed"` // of "title", "minutes", "abstract", "links"
	EditedAt time.Time `json:"edited_at"`
}

// ReviewedChanges lists the fields an organiser reviews that differ
// between an approved talk and its edit. Any of them sends the talk back
// to review when a speaker changes it.
func ReviewedChanges(approved, edited Talk) []string {
	var changed []string
	if approved.Title != edited.Title {
		changed = append(changed, "title")
	}
	if approved.Minutes != edited.Minutes {
		changed = append(changed, "minutes")
	}
	if approved.Abstract != edited.Abstract {
		changed = append(changed, "abstract")
	}
	if strings.Join(approved.Links, "\n") != strings.Join(edited.Links, "\n") {
		changed = append(changed, "links")
	}
	return changed
}

// TalkAction is something done to a talk.
type TalkAction string

const (
	ActApprove  TalkAction = "approve"
	ActReject   TalkAction = "reject"
	ActUnreject TalkAction = "unreject" // undo of a reject
	ActStart    TalkAction = "start"
	ActFinish   TalkAction = "finish"
	ActSkip     TalkAction = "skip"
	ActRequeue  TalkAction = "requeue" // a skipped talk back into the queue
	ActWithdraw TalkAction = "withdraw"
	ActReopen   TalkAction = "reopen" // a finished talk live again, with the time it had left
)

// UndoWindow is how long after a step on a talk it can still be undone.
const UndoWindow = 15 * time.Minute

// TalkUndo is what undoing a step needs: the step, and where the talk stood
// before it (its state and its place in the queue).
type TalkUndo struct {
	Action   TalkAction
	Status   TalkStatus
	Position int
}

// talkTransitions is the talk state machine: from which states each action is
// allowed, and the state it leads to.
var talkTransitions = map[TalkAction]struct {
	from []TalkStatus
	to   TalkStatus
}{
	ActApprove:  {[]TalkStatus{TalkProposed}, TalkApproved},
	ActReject:   {[]TalkStatus{TalkProposed, TalkApproved}, TalkRejected},
	ActUnreject: {[]TalkStatus{TalkRejected}, TalkProposed},
	ActStart:    {[]TalkStatus{TalkApproved}, TalkLive},
	ActFinish:   {[]TalkStatus{TalkLive}, TalkDone},
	ActSkip:     {[]TalkStatus{TalkApproved, TalkLive}, TalkSkipped},
	ActRequeue:  {[]TalkStatus{TalkSkipped}, TalkApproved},
	ActWithdraw: {[]TalkStatus{TalkProposed, TalkApproved}, TalkWithdrawn},
	ActReopen:   {[]TalkStatus{TalkDone}, TalkLive},
}

// NextTalkStatus returns the state that action leads to from status, or
// ECONFLICT when the action is not allowed there.
func NextTalkStatus(status TalkStatus, action TalkAction) (TalkStatus, error) {
	t, ok := talkTransitions[action]
	if !ok {
		return status, Errorf(EINVALID, "unknown talk action %q", action)
	}
	for _, from := range t.from {
		if from == status {
			return t.to, nil
		}
	}
	return status, Errorf(ECONFLICT, "cannot %s a talk that is %s", action, status)
}

// TopicStatus is where an open-space topic is.
type TopicStatus string

const (
	TopicOpen      TopicStatus = "open"   // proposed, not on the board
	TopicPlaced    TopicStatus = "placed" // on the board in a (track, slot) cell
	TopicWithdrawn TopicStatus = "withdrawn"
)

// Topic is an open-space session proposal.
type Topic struct {
	ID          int64       `json:"id"`
	Event       string      `json:"event"`
	LeaderID    int64       `json:"leader_id"`
	Leader      string      `json:"leader"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Tags        []string    `json:"tags"`
	Votes       int         `json:"votes"`
	Status      TopicStatus `json:"status"`
	Track       string      `json:"track,omitempty"`
	Slot        string      `json:"slot,omitempty"` // Slot.ID(): BLOCK/INDEX
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
}

// HasTag reports whether the topic carries tag.
func (t Topic) HasTag(tag string) bool {
	for _, x := range t.Tags {
		if strings.EqualFold(x, tag) {
			return true
		}
	}
	return false
}

// Target is what a note or experience report is attached to: a talk or a topic.
type Target struct {
	Kind string `json:"kind"` // "talk" or "topic"
	ID   int64  `json:"id"`
}

func (t Target) String() string { return t.Kind + ":" + strconv.FormatInt(t.ID, 10) }

// ParseTarget reads "talk:12" or "topic:5".
func ParseTarget(s string) (Target, error) {
	kind, id, ok := strings.Cut(strings.TrimSpace(s), ":")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || n <= 0 || (kind != "talk" && kind != "topic") {
		return Target{}, Errorf(EINVALID, "%q is not a note target: write talk:ID or topic:ID, e.g. talk:12", s)
	}
	return Target{Kind: kind, ID: n}, nil
}

// NoteEntry is one person's entry in the notes of a talk or topic.
type NoteEntry struct {
	ID       int64  `json:"id"`
	Target   Target `json:"target"`
	AuthorID int64  `json:"author_id"`
	Author   string `json:"author"`
	Text     string `json:"text"`
	Revision int    `json:"revision"` // 1 when written, +1 per edit
	Hidden   bool   `json:"hidden,omitempty"`
	// Private: its author keeps it out of the export (it is still read at
	// the camp).
	Private   bool      `json:"private,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Outcome is how an optimisation attempt went.
type Outcome string

const (
	OutcomeWorked  Outcome = "worked"
	OutcomePartial Outcome = "partial"
	OutcomeFailed  Outcome = "failed"
)

// ParseOutcome checks an outcome word.
func ParseOutcome(s string) (Outcome, error) {
	switch o := Outcome(strings.ToLower(strings.TrimSpace(s))); o {
	case OutcomeWorked, OutcomePartial, OutcomeFailed:
		return o, nil
	}
	return "", Errorf(EINVALID, "outcome %q: use worked, partial or failed", s)
}

// Report is an experience report: what happened when a real project met a
// compiler tool. These are what compilepython.com collects.
type Report struct {
	ID          int64     `json:"id"`
	Target      Target    `json:"target"`
	AuthorID    int64     `json:"author_id"`
	Author      string    `json:"author"`
	Project     string    `json:"project"`
	ProjectURL  string    `json:"project_url,omitempty"`
	Tool        string    `json:"tool"`
	ToolVersion string    `json:"tool_version,omitempty"`
	Outcome     Outcome   `json:"outcome"`
	Speedup     float64   `json:"speedup,omitempty"` // 0: not measured
	Learnt      string    `json:"learnt"`
	Hidden      bool      `json:"hidden,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// Announcement is a message from the organisers shown to every session.
type Announcement struct {
	ID        int64     `json:"id"`
	Event     string    `json:"event"`
	Author    string    `json:"author"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
	// ExpiresAt is when it stops being shown; zero: until cleared.
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	// ClearedAt is when an organiser took it down; zero: not cleared.
	ClearedAt time.Time `json:"cleared_at,omitzero"`
	// EditedAt is when its text or expiry last changed; zero: never.
	EditedAt time.Time `json:"edited_at,omitzero"`
}

// UntilCleared, given as an announcement's expiry, keeps it shown until an
// organiser clears it.
var UntilCleared = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// Active says whether the announcement is shown at now: not cleared and
// not expired.
func (a Announcement) Active(now time.Time) bool {
	return a.ClearedAt.IsZero() && (a.ExpiresAt.IsZero() || now.Before(a.ExpiresAt))
}

// Registration is a row of the Eventbrite attendee report.
type Registration struct {
	Event      string `json:"event"`
	OrderID    string `json:"order_id"`
	TicketID   string `json:"ticket_id"` // Eventbrite's attendee # ; the import key
	Name       string `json:"name"`
	Email      string `json:"email"`
	Status     string `json:"status"` // Attending, Checked In
	TicketType string `json:"ticket_type,omitempty"`
}

func (r Registration) String() string { return fmt.Sprintf("%s <%s>", r.Name, r.Email) }

// LinkRequest is an attendee's request to link their key to the
// registration with Email, waiting for an organiser to confirm its Code.
type LinkRequest struct {
	Code   string `json:"code"`
	Email  string `json:"email"`
	Person Person `json:"person"`
	// Registration is the one with that email; nil when none has it.
	Registration *Registration `json:"registration,omitempty"`
}
