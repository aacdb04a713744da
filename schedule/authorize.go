package schedule

import "strconv"

// Permission is a kind of write. Every write in every layer is checked here,
// so the TUI, an SSH command and the local CLI cannot disagree.
type Permission int

const (
	// PermContribute: propose, vote, add notes and reports.
	PermContribute Permission = iota
	// PermEditOwn: edit or withdraw something; owners and organisers only.
	PermEditOwn
	// PermOrganise: approve, reorder, start, place, time, announce, moderate.
	PermOrganise
	// PermName: choose or change one's display name. Joining needs no
	// earlier name, but a muted person keeps the name they have.
	PermName
	// PermPersonal: keep something only the person sees (their starred
	// agenda). A mute stops public writing, not this.
	PermPersonal
)

// Authorize says whether p, acting with role, may do perm to something owned
// by ownerID (0 when there is no owner). p is read fresh inside the write's
// transaction, so a mute takes effect on the very next write.
func Authorize(p Person, role Role, perm Permission, ownerID int64) error {
	switch {
	case role == RoleGuest:
		return Errorf(EFORBIDDEN, "guests can only look: connect with an SSH key to take part")
	case p.ID == 0 && p.Fingerprint == "":
		return Errorf(EFORBIDDEN, "guests can only look: connect with an SSH key to take part")
	case p.ID == 0:
		return errJoinFirst
	case p.Banned:
		return Errorf(EFORBIDDEN, "you have been removed from this camp by the organisers")
	case role == RoleOrganiser:
		return nil // organisers may do everything, and are never muted by themselves
	case perm == PermOrganise:
		return Errorf(EFORBIDDEN, "only organisers can do that")
	case p.Muted && perm == PermName:
		return Errorf(EFORBIDDEN, "you are muted by the organisers and cannot change your name for now")
	case perm == PermName:
		return nil // joining is how a person gets their first name
	case !p.Joined():
		return errJoinFirst
	case perm == PermPersonal:
		return nil
	case p.Muted:
		return Errorf(EFORBIDDEN, "you are muted by the organisers and cannot write for now")
	case perm == PermEditOwn && ownerID != p.ID:
		return Errorf(EFORBIDDEN, "you can only change your own items")
	}
	return nil
}

var errJoinFirst = Errorf(EFORBIDDEN, "join first: choose a name and accept the code of conduct (join --name NAME --accept-code-of-conduct)")

// StaleEdit refuses an edit made from an old revision: someone else changed
// the text meanwhile. Current is the text as it now stands, so the editor can
// merge instead of overwriting.
type StaleEdit struct {
	Base    int
	Current NoteEntry
	// ByYou: the edit in between was the editor's own (another window, an
	// earlier command), not someone else's.
	ByYou bool
}

func (e *StaleEdit) Error() string {
	who := "someone else edited this note"
	if e.ByYou {
		who = "you edited this note again"
	}
	return who + " since you opened it (you started from revision " +
		strconv.Itoa(e.Base) + ", it is now at " + strconv.Itoa(e.Current.Revision) + "): merge your change into the current text"
}

// ErrorCode makes StaleEdit a conflict for ErrorCode.
func (e *StaleEdit) ErrorCode() string { return ECONFLICT }
