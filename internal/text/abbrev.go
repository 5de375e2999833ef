package text

import (
	_ "embed"
	"strings"
)

//go:generate go run ./gen -conll ../../../shared/data/conll2003-en/eng.train -out data

// Abbreviation kinds: how a word that keeps its period behaves at a possible sentence end.
const (
	abGeneral = 1 + iota // ends a sentence when a capitalised common word follows ("Inc.", "etc.", "Calif.")
	abTitle              // precedes a name, never ends a sentence ("Mr.", "Gen.", "Sen.")
	abMonth              // precedes a day number ("Jan. 5"); otherwise as abGeneral
	abNumber             // an abbreviation only before a number ("No. 5", "Art. 3"); otherwise a word
)

// writtenAbbrevs are the abbreviations we know without data, by kind. Keys are without the period and
// case-sensitive, as written in news text.
var writtenAbbrevs = map[int][]string{
	abTitle: strings.Fields(`Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Profs Gen Gens Lt Col Cols Sgt Maj Capt
		Cmdr Cdr Adm Brig Cpl Pvt Pfc Rep Reps Sen Sens Gov Govs Pres Rev Revs Hon Fr Msgr Supt Insp Det Amb
		Atty Rt Lieut Comdr Mt Ft Sra`),
	abMonth: strings.Fields(`Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`),
	abNumber: strings.Fields(`No Nos no nos Art Arts Vol Vols vol vols Fig Figs fig figs Ch ch Sec Secs sec
		Para para p pp P Pp Op op Nr nr Ref ref`),
	abGeneral: strings.Fields(`Inc Corp Co Cos Ltd Bros Plc PLC Jr Jrs vs etc Dept Depts Univ Assn Assoc Ave
		Blvd Rd St Sts Hwy Pl Sq Ct Dist Est est approx Apt Bldg Cie Cia Intl Natl Govt Admin Mfg Ltda Pty
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb
		Nebr Nev Okla Ore Oreg Pa Tenn Tex Va Vt Wash Wis Wisc Wyo Ont Que Alta Sask
		cf al ca viz Esq Rs Mln mln Bln bln bn Yr yr Yrs yrs Mins mins Hrs hrs oz lb lbs ft sq cu ext Ext Tel
		tel Sr Srs`),
}

//go:embed data/abbrev.txt
var learnedAbbrevs string

//go:embed data/starters.txt
var learnedStarters string

// abbrevs maps an abbreviation without its final period to its kind.
var abbrevs = buildAbbrevs()

// starters is the set of lower-cased words that, capitalised after an abbreviation, start a sentence.
var starters = buildStarters()

func buildAbbrevs() map[string]uint8 {
	m := make(map[string]uint8, 512)
	for _, line := range strings.Split(learnedAbbrevs, "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			m[strings.TrimSuffix(f[0], ".")] = abGeneral
		}
	}
	// Written kinds override the learned (general) kind.
	for _, kind := range []int{abGeneral, abNumber, abMonth, abTitle} {
		for _, w := range writtenAbbrevs[kind] {
			m[w] = uint8(kind)
		}
	}
	return m
}

func buildStarters() map[string]struct{} {
	m := make(map[string]struct{}, 2048)
	for _, line := range strings.Split(learnedStarters, "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			m[f[0]] = struct{}{}
		}
	}
	// Pronouns and determiners that start sentences in any news text, in case the data is thin.
	for _, w := range strings.Fields(`the a an he she it they we i you his her its their our this that these
		those there here but and so yet in on at for if when while after before as however meanwhile also
		what who why how where such some many most all both one no not`) {
		m[w] = struct{}{}
	}
	return m
}

// capsStarters are the all-caps words that start a sentence after an abbreviation in an all-caps text.
var capsStarters = wordSet(`THE HE SHE IT THEY WE THIS THESE THOSE THERE BUT`)

// continuationWords are lower-case words after which a line break falls in the middle of a sentence.
var continuationWords = wordSet(`the a an of to in and or for with by on at from that as is was are were be
	been has have had will would said says than into about over under after before between against his her
	their its our my your this these those who which whose`)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
