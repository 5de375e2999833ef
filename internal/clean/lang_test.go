package clean

import (
	"strings"
	"testing"
)

// langSamples are short news sentences written for this test, two per language, in the 25 languages that
// publish most news online (and Belarusian, for the Cyrillic letter check).
var langSamples = []struct{ lang, text string }{
	{"en", "The foreign ministers met in Brussels on Tuesday to discuss new sanctions against Russia."},
	{"en", "The president said the talks had been useful but that no agreement was reached."},
	{"es", "Los ministros de Exteriores se reunieron el martes en Bruselas para debatir nuevas sanciones contra Rusia."},
	{"es", "El presidente dijo que las conversaciones habían sido útiles, pero que no se alcanzó ningún acuerdo."},
	{"fr", "Les ministres des Affaires étrangères se sont réunis mardi à Bruxelles pour discuter de nouvelles sanctions."},
	{"fr", "Le président a déclaré que les discussions avaient été utiles mais qu'aucun accord n'avait été trouvé."},
	{"de", "Die Außenminister trafen sich am Dienstag in Brüssel, um über neue Sanktionen gegen Russland zu beraten."},
	{"de", "Der Präsident sagte, die Gespräche seien nützlich gewesen, eine Einigung sei aber nicht erzielt worden."},
	{"it", "I ministri degli Esteri si sono riuniti martedì a Bruxelles per discutere nuove sanzioni contro la Russia."},
	{"it", "Il presidente ha detto che i colloqui sono stati utili ma che non è stato raggiunto alcun accordo."},
	{"pt", "Os ministros dos Negócios Estrangeiros reuniram-se na terça-feira em Bruxelas para discutir novas sanções."},
	{"pt", "O presidente disse que as conversações foram úteis, mas que não foi alcançado nenhum acordo."},
	{"nl", "De ministers van Buitenlandse Zaken kwamen dinsdag in Brussel bijeen om nieuwe sancties te bespreken."},
	{"nl", "De president zei dat de gesprekken nuttig waren geweest, maar dat er geen akkoord was bereikt."},
	{"pl", "Ministrowie spraw zagranicznych spotkali się we wtorek w Brukseli, aby omówić nowe sankcje wobec Rosji."},
	{"pl", "Prezydent powiedział, że rozmowy były pożyteczne, ale nie osiągnięto żadnego porozumienia."},
	{"tr", "Dışişleri bakanları salı günü Brüksel'de bir araya gelerek Rusya'ya yönelik yeni yaptırımları görüştü."},
	{"tr", "Cumhurbaşkanı görüşmelerin faydalı geçtiğini ancak herhangi bir anlaşmaya varılamadığını söyledi."},
	{"ro", "Miniștrii de externe s-au întâlnit marți la Bruxelles pentru a discuta noi sancțiuni împotriva Rusiei."},
	{"ro", "Președintele a spus că discuțiile au fost utile, dar că nu s-a ajuns la niciun acord."},
	{"sv", "Utrikesministrarna möttes i Bryssel på tisdagen för att diskutera nya sanktioner mot Ryssland."},
	{"sv", "Presidenten sade att samtalen hade varit användbara men att ingen överenskommelse nåddes."},
	{"cs", "Ministři zahraničí se v úterý sešli v Bruselu, aby projednali nové sankce proti Rusku."},
	{"cs", "Prezident řekl, že rozhovory byly užitečné, ale k žádné dohodě se nedospělo."},
	{"hu", "A külügyminiszterek kedden Brüsszelben találkoztak, hogy új szankciókról tárgyaljanak Oroszország ellen."},
	{"hu", "Az elnök azt mondta, hogy a tárgyalások hasznosak voltak, de megállapodás nem született."},
	{"fi", "Ulkoministerit tapasivat tiistaina Brysselissä keskustellakseen uusista pakotteista Venäjää vastaan."},
	{"fi", "Presidentti sanoi, että neuvottelut olivat hyödyllisiä, mutta sopimukseen ei päästy."},
	{"ru", "Министры иностранных дел встретились во вторник в Брюсселе, чтобы обсудить новые санкции против России."},
	{"ru", "Президент заявил, что переговоры были полезными, но никакого соглашения достигнуто не было."},
	{"uk", "Міністри закордонних справ зустрілися у вівторок у Брюсселі, щоб обговорити нові санкції проти Росії."},
	{"uk", "Президент заявив, що переговори були корисними, але жодної угоди досягти не вдалося."},
	{"uk", "Зеленський провів зустріч з прем'єр-міністром."},
	{"ru", "Зеленский провел встречу с премьер-министром."},
	{"be", "Міністры замежных спраў сустрэліся ў аўторак у Брусэлі, каб абмеркаваць новыя санкцыі."},
	{"bg", "Външните министри се срещнаха във вторник в Брюксел, за да обсъдят нови санкции срещу Русия."},
	{"ar", "اجتمع وزراء الخارجية يوم الثلاثاء في بروكسل لمناقشة عقوبات جديدة على روسيا."},
	{"ar", "وقال الرئيس إن المحادثات كانت مفيدة لكن لم يتم التوصل إلى أي اتفاق."},
	{"fa", "وزیران امور خارجه روز سه‌شنبه در بروکسل دیدار کردند تا درباره تحریم‌های جدید علیه روسیه گفت‌وگو کنند."},
	{"hi", "विदेश मंत्रियों ने मंगलवार को ब्रसेल्स में रूस के खिलाफ नए प्रतिबंधों पर चर्चा करने के लिए मुलाकात की।"},
	{"zh", "外交部长们星期二在布鲁塞尔举行会议，讨论对俄罗斯的新制裁。"},
	{"ja", "外相らは火曜日にブリュッセルで会合し、ロシアに対する新たな制裁について協議した。"},
	{"ko", "외무장관들은 화요일 브뤼셀에서 만나 러시아에 대한 새로운 제재를 논의했다."},
	{"el", "Οι υπουργοί Εξωτερικών συναντήθηκαν την Τρίτη στις Βρυξέλλες για να συζητήσουν νέες κυρώσεις κατά της Ρωσίας."},
	{"he", "שרי החוץ נפגשו ביום שלישי בבריסל כדי לדון בסנקציות חדשות נגד רוסיה."},
	{"id", "Para menteri luar negeri bertemu di Brussel pada hari Selasa untuk membahas sanksi baru terhadap Rusia."},
	{"vi", "Các bộ trưởng ngoại giao đã gặp nhau tại Brussels hôm thứ Ba để thảo luận về các lệnh trừng phạt mới."},
	{"da", "Udenrigsministrene mødtes i Bruxelles tirsdag for at drøfte nye sanktioner mod Rusland."},
	{"en", "It will cut payments in coming months."},
	{"en", "It doesn't bode well for coming quarters, he said."},
	{"und", "OK."},
	{"und", "12:45 — 3-1"},
}

func TestLanguage(t *testing.T) {
	for _, s := range langSamples {
		t.Run(s.lang, func(t *testing.T) {
			if got := Language(s.text); got != s.lang {
				t.Errorf("Language(%q) = %q, want %q", s.text, got, s.lang)
			}
		})
	}
}

func TestLooksEnglish(t *testing.T) {
	en := "The foreign ministers met in Brussels on Tuesday to discuss the new sanctions. The president said that the talks had been useful but that no agreement was reached with Moscow on the future of the ceasefire."
	if !looksEnglish(en) {
		t.Errorf("looksEnglish(%q) = false", en)
	}
	for _, s := range langSamples {
		if s.lang != "en" && looksEnglish(strings.Repeat(s.text+" ", 5)) {
			t.Errorf("looksEnglish(%s sample) = true", s.lang)
		}
	}
}

func BenchmarkLanguage(b *testing.B) {
	text := langSamples[0].text + " " + langSamples[1].text
	for b.Loop() {
		Language(text)
	}
}
