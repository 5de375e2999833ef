package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText turns scraped plain text into paragraphs separated by one blank line, dropping page furniture
// unless keep is set. It returns the text and the furniture it dropped, each piece exactly as it stood on its
// line (trimmed).
//
// Paragraphs: a blank line always ends one. Inside a block of consecutive lines, each line is a paragraph of
// its own, as scraped pages write them, unless the block looks hard-wrapped (most of its lines run on without
// closing a sentence), in which case the block is one paragraph and its line breaks stay as they are.
func cleanText(s string, keep bool) (string, []string) {
	var removed []string
	var blocks [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	inList := false // after a "Most read" or "Related stories" heading: its headline lines are links
	for line := range strings.SplitSeq(s, "\n") {
		line = normSpace(line)
		if line == "" {
			flush()
			continue
		}
		if !keep && inList {
			if countWords(line) <= 20 && !endsSentence(line) {
				removed = append(removed, line)
				flush()
				continue
			}
			inList = false
		}
		if !keep {
			whole, prefix, rest := furniture(line)
			if whole {
				removed = append(removed, line)
				inList = listHeadRe.MatchString(line)
				flush()
				continue
			}
			if prefix != "" {
				removed = append(removed, prefix)
				line = rest
				if w, _, _ := furniture(line); w {
					removed = append(removed, line)
					flush()
					continue
				}
				if line == "" {
					continue
				}
			}
		}
		cur = append(cur, line)
	}
	flush()
	var b strings.Builder
	b.Grow(len(s))
	for _, blk := range blocks {
		if hardWrapped(blk) {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(strings.Join(blk, "\n"))
			continue
		}
		for _, l := range blk {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(l)
		}
	}
	return b.String(), removed
}

// hardWrapped reports whether a block of lines is one paragraph wrapped at a fixed width: most of its lines
// but the last run on without closing a sentence and are about as long as the longest line (a title above
// a paragraph is much shorter, so it stays a paragraph of its own).
func hardWrapped(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	longest := 0
	for _, l := range lines {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	run := 0
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(l)
		if !endsSentence(l) && !strings.HasSuffix(l, ":") && n >= 40 && n*10 >= longest*7 {
			run++
		}
	}
	return run*2 > len(lines)-1
}

// normSpace trims a line and folds its runs of horizontal white space (tabs, no-break spaces) into one space;
// it drops invisible format characters (zero-width spaces, soft hyphens, BOMs) and other control characters.
func normSpace(line string) string {
	clean := true
	prevSpace := true
	for _, r := range line {
		if r == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
			continue
		}
		if r < 0x20 || r == 0x7f || r == '\u00a0' || r == '\u00ad' || r == '\ufeff' || r == '\u200b' || (r >= 0x80 && (unicode.IsSpace(r) || unicode.Is(unicode.Cc, r))) {
			clean = false
			break
		}
		prevSpace = false
	}
	if clean {
		return strings.TrimRight(line, " ")
	}
	var b strings.Builder
	b.Grow(len(line))
	space := false
	for _, r := range line {
		switch {
		case r == '\u00ad' || r == '\ufeff' || r == '\u200b' || r == '\u2060':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.Is(unicode.Cc, r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// listHeadRe is a heading over a list of links to other articles.
var listHeadRe = re(`^(most (read|popular|viewed|shared)|trending( now)?|related( stories| articles| coverage| content)?|more (stories|news)|` +
	`recommended( for you)?|you (may|might) also like|editor'?s picks?|top stories|latest news|in other news)[\s.:…]*$`)
