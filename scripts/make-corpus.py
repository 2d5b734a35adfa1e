#!/usr/bin/python3
"""Generate the AgriQA sample corpus and PDF test fixtures.

Run from the repository root (or anywhere; paths are resolved relative to
this file):

    /usr/bin/python3 scripts/make-corpus.py

Requirements (Debian packages, no pip):
    python3-reportlab (tested with 3.6.12), python3-pil, fonts-dejavu-core
    (DejaVuSans*.ttf under /usr/share/fonts/truetype/dejavu/).

Outputs (all regenerated from scratch, byte-identical on every run):
    corpus/*.pdf                       nine sample extension bulletins
    corpus/records/farmer-questions.jsonl
    corpus/expected.json               machine-readable ground truth for tests
    corpus/README.md                   human-readable description of the corpus
    Tests/Fixtures/encrypted.pdf       user password "secret"
    Tests/Fixtures/image-only.pdf      2 pages, raster images only, no text

Reproducibility: reportlab runs with invariant=1 (fixed document ID), every
PDF gets a fixed CreationDate/ModDate, fonts are subset deterministically,
and the only pseudo-randomness (speckle on the "scanned" page images) uses
random.Random with a fixed seed.  Everything in the documents is sample text
written for AgriQA testing; it is plausible agronomy, not official advice.
"""

import json
import os
import random
import re
import unicodedata
from collections import OrderedDict, defaultdict

from reportlab import rl_config

rl_config.invariant = 1  # must be set before documents are created
rl_config.useA85 = 0  # binary streams: no ASCII85 bloat on images

from PIL import Image, ImageDraw, ImageFont  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, letter  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")
DEJAVU = "/usr/share/fonts/truetype/dejavu"
SAMPLE_LINE = {
    "en": "Sample document written for AgriQA testing.",
    "pt": "Documento de amostra escrito para testes do AgriQA.",
    "fr": "Document d\u2019exemple r\u00e9dig\u00e9 pour les tests d\u2019AgriQA.",
}
PAGE_WORD = {"en": "Page", "pt": "P\u00e1gina", "fr": "Page"}

for _name, _file in [
    ("DejaVuSans", "DejaVuSans.ttf"),
    ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
]:
    pdfmetrics.registerFont(TTFont(_name, os.path.join(DEJAVU, _file)))

# Font families.  Standard-14 fonts are not embedded, which keeps files small;
# the Tamil Nadu bulletin uses embedded DejaVu because it needs ligature glyphs.
FONTS_STD = {"body": "Times-Roman", "italic": "Times-Italic", "bold": "Helvetica-Bold",
             "head": "Helvetica", "table": "Helvetica", "table_bold": "Helvetica-Bold"}
FONTS_DEJAVU = {"body": "DejaVuSans", "italic": "DejaVuSans-Oblique", "bold": "DejaVuSans-Bold",
                "head": "DejaVuSans", "table": "DejaVuSans", "table_bold": "DejaVuSans-Bold"}

GRAY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
ACCENT = colors.Color(0.13, 0.33, 0.18)

# --------------------------------------------------------------------------
# Hyphenation dictionaries: "~" marks a permitted break point.  A break after
# an existing hyphen (compound words) adds no extra hyphen.
# --------------------------------------------------------------------------
HYPH_EN = """
fer~til~izer fer~til~izers recom~mended recom~men~da~tion recom~men~da~tions
ap~pli~ca~tion ap~pli~ca~tions pro~duc~tion pro~duc~tiv~ity tem~per~a~ture
tem~per~a~tures ger~mi~na~tion emer~gence moi~sture mois~ture va~ri~eties
va~ri~ety man~age~ment pre~cip~i~ta~tion ir~ri~ga~tion nitro~gen phos~pho~rus
potas~sium es~tab~lish~ment pop~u~la~tion pop~u~la~tions con~sid~er~ably
ap~prox~i~mately in~for~ma~tion eval~u~ate con~ven~tional ad~di~tional
dis~tri~bu~tion con~cen~tra~tion con~cen~tra~tions re~quire~ments
de~vel~op~ment sig~nif~i~cant sig~nif~i~cantly in~fes~ta~tion in~fes~ta~tions
her~bi~cide her~bi~cides fun~gi~cide fun~gi~cides in~sec~ti~cide
in~sec~ti~cides prof~itable eco~nomic tillage chem~i~cal av~er~age
ac~cu~mu~la~tion decom~po~si~tion com~pac~tion con~ser~va~tion
resid~ual res~i~due res~i~dues or~ganic min~er~al~iza~tion avail~able
avail~abil~ity de~fi~cient de~fi~ciency sup~ple~men~tal com~mer~cial
lab~o~ra~tory lab~o~ra~to~ries rep~re~sen~ta~tive mea~sure~ment
mea~sure~ments cal~i~bra~tion re~sis~tant re~sis~tance sus~cep~ti~ble
pop~u~lar sur~round~ing pre~vi~ous ro~ta~tion ro~ta~tions thresh~old
thresh~olds con~trol~ling en~vi~ron~ment en~vi~ron~men~tal trans~plant~ing
pro~duc~ers ac~cord~ing tran~spi~ra~tion evap~o~tran~spi~ra~tion
eval~u~a~tion de~ter~mine dif~fer~ence dif~fer~ences im~por~tant
ex~ten~sion or~chards uni~for~mity sched~ul~ing in~creas~ing de~creas~ing
ex~ces~sive ap~plied ac~cept~able sea~sonal po~ten~tial par~tic~u~larly
sul~fur germi~nate drought-~tolerant drought-~stressed ni~trate
de~nit~ri~fi~ca~tion volatil~iza~tion ammo~nium quan~ti~ties mod~er~ate
di~rectly up~per~most ap~pear~ance de~pend~ing ex~am~ple veg~e~ta~tive
re~pro~duc~tive har~vest~ing har~vested ap~pro~pri~ate un~der~stand~ing
pe~ri~od~i~cally con~tin~u~ous ac~tiv~ity au~to~mated es~ti~mate es~ti~mates
in~oc~u~lant in~oc~u~la~tion rec~om~mend ben~e~fi~cial sub~se~quent
con~tam~i~na~tion ag~ri~cul~tural hy~brid hy~brids cer~ti~fied
cer~ti~fi~ca~tion com~mu~ni~ties in~ter~pre~ta~tion sam~pling
lime~stone mi~cronu~tri~ent mi~cronu~tri~ents con~sis~tent lo~ca~tions
lo~ca~tion de~fo~li~a~tion through~out cul~ti~va~tion sys~tem~atic
accu~mu~late ac~cu~rate acid~i~fied ad~di~tion ad~e~quate afla~toxin af~ter~wards
agron~o~mist agron~o~mists al~ti~tude alu~minum an~nu~ally ap~pli~ca~tor ap~ply~ing
ap~proach ap~proved army~worm at~ten~tion back~bone bac~te~rial bal~ances
bi~car~bon~ate bio~pes~ti~cide bul~letin cal~car~eous cal~cu~lated cal~en~dar
cal~i~brate cal~i~brated ca~pac~ity cat~e~gories cat~e~gory chamo~mile chan~nels
chick~peas chlo~ride co~ef~fi~cient cole~op~tile com~bi~na~tion com~pared
com~par~ing com~pet~i~tive com~plete com~po~si~tion con~cen~trated con~di~tions
con~sec~u~tive con~sider con~tinue con~tin~ues con~tin~u~ously con~trolled
con~ve~nient co~op~er~a~tive corn~stalk cor~re~sponds coun~ties crit~i~cal
crop~ping cy~clonic dam~ag~ing de~cem~ber de~cid~ing de~ci~sions de~liv~er~ies
de~scribe des~mo~dium de~struc~tion de~vel~ops di~am~mo~nium dif~fer~ent
dif~fi~cult dis~ap~peared dis~eases dis~tricts dom~i~nant dress~ing ef~fec~tive
ef~fi~cient el~e~va~tions elim~i~nates else~where emerg~ing en~tirely equip~ment
es~pe~cially es~sen~tial es~tab~lished es~ti~mated every~where ex~change
ex~pected ex~pen~sive ex~pe~ri~enc~ing ex~ported ex~tract~able ex~trac~tion
farm~yard feb~ru~ary fer~til~ity fer~til~ized flex~i~ble flood~ing flow~er~ing
fol~low~ing fore~cast frac~tion fre~quent gen~er~a~tion ger~mi~nates goat~grass
grad~u~ally ground~wa~ter hardi~ness har~vesters her~metic high~lands
house~holds im~bib~i~tional im~proves in~cludes in~clud~ing in~cor~po~rate
in~crease in~creases in~cre~ments in~cu~bate in~di~cate in~di~cates in~di~ca~tor
in~fected in~fec~tion ini~ti~a~tion in~stalled in~ter~fere in~ter~me~di~ate
in~ter~preted in~ter~vals ir~ri~gate ir~ri~gated leach~ing low~lands
mag~ne~sium main~tain main~te~nance ma~tu~rity mea~sured mea~sures mis~taken
mul~ti~ply~ing na~tional nec~es~sary ne~cro~sis nema~tode nor~mally
north~east north~ern north~west nu~tri~ent nu~tri~ents or~gan~isms
or~na~men~tal out~reach pad~docks par~a~sitic pas~tries pas~tures patho~gen
pe~ren~nial per~for~mance pes~ti~cide pher~o~mone phos~phate plant~ing
prac~ti~cal prac~tice prac~tices pred~a~tors pref~er~ably pre~ferred
pre~ma~turely pre~serves pres~sure pre~vent~ing pri~or~ity pro~duced pro~duces
pro~duc~tive pro~grams pro~por~tion pro~tec~tion pro~tec~tive pro~tects
pro~vides pub~lished rain~fall read~ings re~al~is~tic rea~son~ably re~charged
re~cy~cled re~duc~ing re~duc~tions ref~er~ence re~flects reg~is~tered
reg~is~tra~tions re~leased re~li~able re~main~der re~places re~planted
rep~re~sent re~quire~ment re~search re~sponded re~sponse re~spon~sive
re~stricts ridge~tops root~worm rye~grass seed~beds seed~lings se~lected
se~lec~tion sen~si~tive sep~a~rate sep~a~rately sep~tem~ber shed~ding
side~dress side~wall slightly some~what south~east~ern south~ern south~west
soy~beans stan~dard stand~ing start~ing sta~tions stead~ily steep~est
straw~breaker strongly struc~ture sub~mer~gence sub~tract suf~fi~cient
suit~able sul~phate sum~ma~rizes sun~light sup~ports sur~vives sus~tain~able
symp~toms tar~pau~lin thor~oughly till~er~ing to~gether tol~er~ance
trans~mit trans~plant treat~ment trou~ble~some typ~i~cally un~cer~tain
uni~ver~sity un~likely un~re~li~able valu~able vol~un~teer weed~ings
when~ever wide~spread wind~rows wire~worm wire~worms with~stand
""".split()

HYPH_PT = """
semea~dura produ~ti~vi~dade produ~ti~vi~da~des recomen~da~ção recomen~da~ções
fertili~zan~te fertili~zan~tes adu~ba~ção cul~ti~va~res cul~ti~var pre~ci~pi~ta~ção
tem~pe~ra~tura tem~pe~ra~tu~ras popu~la~ção ger~mi~na~ção emer~gên~cia
inocu~la~ção co~ino~cu~la~ção ma~ne~jo mo~ni~to~ra~mento aplica~ção apli~ca~ções
fungi~ci~das fungi~ci~da inse~ti~ci~das inse~ti~ci~da her~bi~ci~das
desen~vol~vi~mento en~tres~safra dis~tri~bui~ção ma~tu~ra~ção ama~du~re~ci~mento
co~lhei~ta co~lhe~dora pro~du~to~res pro~du~tor re~gi~ão re~gi~ões
pa~lha~da nu~tri~en~tes nu~tri~en~te fós~foro po~tás~sio cal~cá~rio
ni~tro~gê~nio tra~ta~mento se~men~tes se~men~te uni~for~mi~dade
in~fes~ta~ção in~fes~ta~ções re~sis~tên~cia sus~ce~tí~veis ca~rac~te~rís~ti~cas
plan~tio ro~ta~ção su~ces~são con~di~ções umi~da~de agro~nô~mi~co
agro~nô~mi~ca ama~re~le~ci~mento fi~tos~sa~ni~tá~rio fi~tos~sa~ni~tá~rios
es~pa~ça~mento im~por~tan~te im~por~tan~tes des~se~ca~ção ve~ge~ta~ti~vo
re~pro~du~ti~vo de~fi~ci~ên~cia ge~ral~mente ar~ma~ze~na~gem ne~ces~sá~ria
ne~ces~sá~rio in~ten~si~da~de obri~ga~tó~rio ca~len~dá~rio an~te~ci~pa~da
per~cevejo per~ce~ve~jos la~gar~tas ne~ma~toi~des com~pac~ta~ção
acu~mu~lado agro~pe~cuá~ria agrí~cola al~can~çada alu~mí~nio amos~tra~gens
anu~al~mente apli~cada apli~ca~dos apre~sen~ta ar~gi~losa au~men~tar cau~sa~dor
cer~ti~fi~ca~das com~ple~tam con~for~me con~sul~tar con~tro~le cor~re~ção
cor~ri~gi~dos cul~ti~va~das cul~ti~va~dos de~fi~ni~da de~fi~ni~das den~si~da~de
des~ta~cam dis~pen~sa dis~tri~buir di~ver~si~fi~que dre~na~dos eli~mi~nar
en~con~tra~dos en~tre~li~nhas es~pe~ra~da es~pé~cies es~ta~du~al es~ti~ve~rem
fa~vo~re~ce fa~vo~rá~vel fe~cha~mento fe~ve~rei~ro fi~si~o~ló~gi~ca ga~ran~tir
hec~ta~res ini~mi~gos in~te~gra~do la~vou~ras ma~nu~ten~ção ma~te~ri~ais
mo~li~ne~te mo~ni~to~re mu~ni~cí~pios na~tu~rais na~tu~ral~mente
ne~ces~si~da~de ni~tro~ge~na~da no~du~la~da nor~mal~mente ob~ten~tor
ocor~rên~cia per~mi~tem pla~ne~jar pla~ta~for~ma po~pu~la~ções pre~do~mi~nam
pre~do~mi~nan~tes pre~sen~tes pre~ser~va pre~ven~ti~va prin~ci~pais
prin~ci~pal pro~du~to~ras pro~du~zir pro~fun~di~da~de pro~fun~dos pro~gra~ma
proi~bi~do pro~pri~e~da~de re~co~men~da~do re~gi~o~nais re~gis~tra~dos
re~la~ti~va re~plan~tio re~pro~du~ti~va re~sis~ten~tes res~pei~to re~tar~dar
sa~fri~nha sa~ni~tá~rio sa~tu~ra~ção se~ma~nais se~me~a~das se~me~a~do~ra
se~me~a~du~ras se~tem~bro so~bre~vi~vên~cia su~fi~ci~en~te tra~ta~das
tro~pi~cal uni~for~me ve~lo~ci~da~de vo~lun~tá~rias
""".split()

HYPH_FR = """
fer~ti~li~sa~tion re~com~man~dé re~com~man~dée re~com~man~da~tions
ger~mi~na~tion pro~duc~tion ren~de~ment ren~de~ments pré~ci~pi~ta~tions
va~rié~tés va~rié~té dé~ma~riage in~fes~ta~tion pou~voir sar~clage
sar~cla~ges en~tre~tien dis~po~nibles ar~ra~chage trai~te~ment
com~mer~ciale hi~ver~nage or~ga~nique or~ga~niques ex~ploi~ta~tions
pro~duc~teurs dé~ve~lop~pe~ment ha~bi~tuel~le~ment cham~pi~gnon
ré~sis~tan~tes ma~tu~ri~té con~di~tions sui~vante gé~né~ra~le~ment
amé~liore ap~por~tez ap~pré~ciées beau~coup ca~len~drier cer~ti~fiées com~prend
con~cen~trée con~vient cul~tu~ral deu~xième dé~pendent ef~fec~tuez en~re~gis~tré
flo~rai~son for~te~ment gar~dien~nage gra~ni~vores grat~tage gre~niers
her~mé~tiques jus~ti~fie l’an~crage l’ara~chide l’ar~ra~chage
l’en~her~be~ment l’hi~ver~nage l’écar~te~ment meil~leures mi~né~rale
mon~tai~son né~ces~saire or~ga~ni~sés pa~ra~site pa~ra~si~toïde plu~viale
plu~vio~mé~trie pos~sible pre~mière pre~mières prin~ci~pal pro~cé~dez
pro~té~gez quel~ques ra~pi~de~ment ra~va~geur re~cherche re~com~man~dées
re~pro~duite ro~ta~tion ré~col~tez ré~dui~sent ré~fé~rence se~maines se~mences
su~per~fi~ciel sup~porte sur~faces sé~lec~tion~nés sé~quences trac~tion
trai~tées troi~sième uti~li~sez vi~gou~reuses vil~lages
""".split()


def _dict(words):
    return {w.replace("~", ""): w for w in words}


HYPH = {"en": _dict(HYPH_EN), "pt": _dict(HYPH_PT), "fr": _dict(HYPH_FR)}

PUNCT = ".,;:()[]\"'\u201c\u201d\u2018\u2019\u00ab\u00bb!?"

LIGS = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]
LIG_CHARS = "\ufb00\ufb01\ufb02\ufb03\ufb04"


def ligate(s):
    for a, b in LIGS:
        s = s.replace(a, b)
    return s


def norm(s):
    return unicodedata.normalize("NFKC", s)


def mark_token(tok, lang):
    """Insert '~' break points into tok from the language dictionary."""
    if "~" in tok:
        return tok
    i, j = 0, len(tok)
    while i < j and tok[i] in PUNCT:
        i += 1
    while j > i and tok[j - 1] in PUNCT:
        j -= 1
    core = tok[i:j]
    marked = HYPH[lang].get(core.lower())
    if not marked:
        return tok
    out, k = [], 0
    for ch in marked:
        if ch == "~":
            out.append("~")
        else:
            out.append(core[k])
            k += 1
    return tok[:i] + "".join(out) + tok[j:]


def strip_punct(w):
    return w.strip(PUNCT)


def break_lines(text, font, size, width, lang, lig=False, hyphenate=True):
    """Greedy line breaking with dictionary hyphenation.

    Returns a list of (line_text, hyphenated_word_or_None)."""
    conv = ligate if lig else (lambda s: s)

    def w(s):
        return pdfmetrics.stringWidth(conv(s), font, size)

    tokens = [t for t in text.split(" ") if t]  # split on plain spaces only (keep NBSP)
    if hyphenate:
        tokens = [mark_token(t, lang) for t in tokens]
    lines, cur = [], ""
    queue = list(tokens)
    while queue:
        tok = queue.pop(0)
        vis = tok.replace("~", "")
        cand = (cur + " " + vis) if cur else vis
        if w(cand) <= width:
            cur = cand
            continue
        pts = [k for k, ch in enumerate(tok) if ch == "~"]
        done = False
        for p in reversed(pts):
            if lig and tok[p - 1] == "f" and tok[p + 1:p + 2] in ("f", "i", "l"):
                continue  # never split an ff/fi/fl ligature
            pre = tok[:p].replace("~", "")
            if not pre.endswith("-"):
                pre += "-"
            c2 = (cur + " " + pre) if cur else pre
            if w(c2) <= width:
                lines.append((conv(c2), strip_punct(norm(vis))))
                cur = ""
                queue.insert(0, tok[p + 1:])
                done = True
                break
        if done:
            continue
        if cur:
            lines.append((conv(cur), None))
            cur = ""
            queue.insert(0, tok)
        else:  # a single unbreakable token wider than the line
            cur = vis
    if cur:
        lines.append((conv(cur), None))
    return lines


class Ctx:
    """Per-document record of what was actually drawn (feeds expected.json)."""

    def __init__(self):
        self.hyph = []  # (page, word)
        self.headings = []  # (level, text, page)
        self.frames = defaultdict(set)  # page -> frame ids with content
        self.lig_words = set()
        self.templates = {}
        self.text_pages = set()


CTX = Ctx()


class TextBlock(Flowable):
    """A paragraph laid out by break_lines (ragged right)."""

    def __init__(self, text, font, size, leading, lang, lig=False, space_before=0,
                 space_after=0, indent=0, bullet=None, color=colors.black,
                 heading_level=None, hyphenate=True, lines=None):
        Flowable.__init__(self)
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.lang, self.lig, self.indent, self.bullet = lang, lig, indent, bullet
        self.color, self.heading_level, self.hyphenate = color, heading_level, hyphenate
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._lines, self._lw = lines, None
        self._first_cont = False  # first line continues a hyphenated word
        self._fixed = False  # lines already laid out (piece of a split paragraph)

    def _layout(self, aw):
        if self._fixed:
            return self._lines
        if self._lines is None or (self._lw is not None and self._lw != aw):
            self._lines = break_lines(self.text, self.font, self.size, aw - self.indent,
                                      self.lang, self.lig, self.hyphenate)
            self._lw = aw
        return self._lines

    def wrap(self, aw, ah):
        lines = self._layout(aw)
        self.width = aw
        self.height = len(lines) * self.leading
        return aw, self.height

    def _clone(self, lines, sb, sa, cont=False):
        t = TextBlock(self.text, self.font, self.size, self.leading, self.lang, self.lig,
                      sb, sa, self.indent, self.bullet if not cont else None, self.color,
                      self.heading_level, self.hyphenate, lines)
        t._lw = self._lw
        t._fixed = True
        return t

    def split(self, aw, ah):
        if self.heading_level is not None:
            return []
        lines = self._layout(aw)
        n = int((ah + 0.01) // self.leading)
        if n >= len(lines):
            return [self]
        if len(lines) - n < 2:
            n = len(lines) - 2
        if n < 2:
            return []
        a = self._clone(lines[:n], self.spaceBefore, 0)
        b = self._clone(lines[n:], 0, self.spaceAfter, cont=True)
        b.bullet = None
        b._first_cont = lines[n - 1][1] is not None
        a._first_cont = self._first_cont
        return [a, b]

    def draw(self):
        c = self.canv
        page = c.getPageNumber()
        doc = getattr(c, "_doctemplate", None)
        frame = getattr(doc, "frame", None)
        if frame is not None:
            CTX.frames[page].add(frame.id)
        CTX.text_pages.add(page)
        c.setFillColor(self.color)
        c.setFont(self.font, self.size)
        asc = self.size * 0.78 + (self.leading - self.size) / 2.0
        prev_h = self._first_cont
        for i, (line, hw) in enumerate(self._lines):
            y = self.height - i * self.leading - asc
            if i == 0 and self.bullet:
                c.drawString(self.indent - 9, y, self.bullet)
            c.drawString(self.indent, y, line)
            if hw:
                CTX.hyph.append((page, hw))
            toks = line.split()
            for k, t in enumerate(toks):
                if k == 0 and prev_h:
                    continue
                if k == len(toks) - 1 and hw:
                    continue
                if any(ch in LIG_CHARS for ch in t):
                    CTX.lig_words.add(strip_punct(norm(t)))
            prev_h = hw is not None
        if self.heading_level is not None:
            assert len(self._lines) == 1, "heading wraps: %r" % self.text
            CTX.headings.append((self.heading_level, self.text, page))
        c.setFillColor(colors.black)


class ScanImage(Flowable):
    """Draws a PIL image covering the whole page (used on image-only pages)."""

    def __init__(self, img, w, h):
        Flowable.__init__(self)
        self.img, self.width, self.height = img, w, h

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        self.canv.drawImage(ImageReader(self.img), 0, 0, self.width, self.height)


class Rule(Flowable):
    def __init__(self, thickness=0.8, color=RULE, space=4):
        Flowable.__init__(self)
        self.thickness, self.color, self.space = thickness, color, space

    def wrap(self, aw, ah):
        self.width = aw
        return aw, self.space * 2

    def draw(self):
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.space, self.width, self.space)


# --------------------------------------------------------------------------
# Document builder
# --------------------------------------------------------------------------
def strip_preamble_font(canv):
    """Drop reportlab's per-page 'BT /F1 12 Tf 14.4 TL ET' preamble so that pages
    which draw only an image contain no text operators at all.  Every text draw in
    this script sets its font explicitly, so nothing depends on the preamble."""
    canv._preamble = re.sub(r"\s*BT .*? ET", "", canv._preamble)


def roman(n):
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


class Bulletin:
    """Builds one PDF from a spec dict and a list of content blocks."""

    def __init__(self, spec):
        self.spec = spec
        self.lang = spec["language"]
        self.fonts = FONTS_DEJAVU if spec.get("dejavu") else FONTS_STD
        self.lig = spec.get("ligatures", False)
        self.pagesize = spec.get("pagesize", letter)

    # page labels: list of (physical_index0, style, start)
    def label_for(self, page):
        labels = self.spec.get("page_labels_spec")
        if not labels:
            return str(page)
        cur = None
        for idx, style, start in labels:
            if page - 1 >= idx:
                cur = (idx, style, start)
        idx, style, start = cur
        n = start + (page - 1 - idx)
        return roman(n) if style == "r" else str(n)

    def on_page(self, canv, doc):
        spec = self.spec
        page = canv.getPageNumber()
        tid = doc.pageTemplate.id
        CTX.templates[page] = tid
        if page == 1:
            strip_preamble_font(canv)
            date = spec["date"]
            canv.setDateFormatter(lambda *a: "D:%s" % date)
            for idx, style, start in spec.get("page_labels_spec") or []:
                canv.addPageLabel(idx, style={"r": "ROMAN_LOWER", "D": "ARABIC"}[style],
                                  start=start)
        if tid == "scan":
            return  # image-only page: no text whatsoever
        W, H = self.pagesize
        lm = spec.get("margin", 54)
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.setFillColor(GRAY)
        canv.drawString(lm, H - 40, spec["short_title"])
        canv.drawRightString(W - lm, H - 40, spec["header_right"])
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(lm, H - 45, W - lm, H - 45)
        canv.line(lm, 50, W - lm, 50)
        canv.drawString(lm, 38, spec["footer_left"])
        canv.setFont("Helvetica-Bold", 8.5)
        canv.drawRightString(W - lm, 38, "%s %s" % (PAGE_WORD[self.lang], self.label_for(page)))
        if tid in ("two", "first2"):
            x = W / 2.0
            top = H - 62 if tid == "two" else H - 62 - spec["title_frame_h"]
            canv.setLineWidth(0.4)
            canv.line(x, 62, x, top)
        canv.restoreState()

    def build(self, path, blocks):
        global CTX
        CTX = Ctx()
        spec = self.spec
        W, H = self.pagesize
        lm = spec.get("margin", 54)
        top, bottom = H - 58, 58
        fw = W - 2 * lm
        gutter = 22
        cw = (fw - gutter) / 2.0
        fh = top - bottom
        pad = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [
            PageTemplate("one", [Frame(lm, bottom, fw, fh, id="main", **pad)], onPage=self.on_page),
            PageTemplate("two", [Frame(lm, bottom, cw, fh, id="colL", **pad),
                                 Frame(lm + cw + gutter, bottom, cw, fh, id="colR", **pad)],
                         onPage=self.on_page),
            PageTemplate("scan", [Frame(0, 0, W, H, id="scan", **pad)], onPage=self.on_page),
        ]
        if spec.get("title_frame_h"):
            th = spec["title_frame_h"]
            templates.append(PageTemplate("first2", [
                Frame(lm, top - th, fw, th, id="title", **pad),
                Frame(lm, bottom, cw, fh - th - 4, id="colL", **pad),
                Frame(lm + cw + gutter, bottom, cw, fh - th - 4, id="colR", **pad)],
                onPage=self.on_page))
        order = spec.get("first_template", "one")
        templates.sort(key=lambda t: 0 if t.id == order else 1)
        doc = BaseDocTemplate(
            path, pagesize=self.pagesize, pageTemplates=templates, invariant=1,
            title=spec["title"], author=spec["author"], subject=spec["subject"],
            keywords=spec["keywords"], creator="AgriQA scripts/make-corpus.py",
            lang=spec.get("lang_tag"), leftMargin=lm, rightMargin=lm,
            topMargin=H - top, bottomMargin=bottom, pageCompression=1,
            encrypt=spec.get("encrypt"))
        doc.build(self.flowables(blocks))
        npages = max(CTX.templates)
        return npages

    # ---- block -> flowables ------------------------------------------------
    def para(self, text, **kw):
        f = self.fonts
        if self.lang == "fr":  # French typography: no line break inside these
            text = re.sub(r" ([:;?!\u00bb])", "\u00a0\\1", text)
            text = text.replace("\u00ab ", "\u00ab\u00a0")
            text = re.sub(r"(\d) (\d{3})\b", "\\1\u00a0\\2", text)
        args = dict(font=f["body"], size=10, leading=13.2, lang=self.lang, lig=self.lig,
                    space_after=5.5)
        args.update(kw)
        return TextBlock(text, **args)

    def flowables(self, blocks):
        f = self.fonts
        out = []
        for b in blocks:
            kind = b[0]
            if kind == "title":
                _, title, subtitle = b[:3]
                out.append(TextBlock(title, f["bold"], 21, 25, self.lang, False, 0, 4,
                                     color=ACCENT, hyphenate=False))
                if subtitle:
                    out.append(TextBlock(subtitle, f["bold"], 12, 15, self.lang, False, 0, 4,
                                         color=GRAY, hyphenate=False))
                out.append(TextBlock(self.spec["author"], f["body"], 10.5, 13, self.lang,
                                     False, 2, 1, hyphenate=False))
                out.append(TextBlock(self.spec["issue_line"], f["body"], 9, 12, self.lang,
                                     False, 0, 1, hyphenate=False, color=GRAY))
                out.append(TextBlock(SAMPLE_LINE[self.lang], f["italic"], 8.5, 11, self.lang,
                                     False, 0, 2, hyphenate=False, color=GRAY))
                out.append(Rule(1.2, ACCENT, 4))
            elif kind in ("h1", "h2", "h3"):
                lvl = int(kind[1])
                size, lead, sb, sa = {1: (16, 19, 12, 5), 2: (13, 16, 9, 4), 3: (11, 14, 7, 3)}[lvl]
                out.append(CondPageBreak(lead + sb + 4 * 13.2))
                out.append(TextBlock(b[1], f["bold"], size, lead, self.lang, False, sb, sa,
                                     color=ACCENT if lvl == 1 else colors.black,
                                     heading_level=lvl, hyphenate=False))
            elif kind == "p":
                out.append(self.para(b[1]))
            elif kind == "lead":  # abstract / lead paragraph, larger
                out.append(self.para(b[1], size=11, leading=14.5, space_after=7))
            elif kind == "ul":
                for item in b[1]:
                    out.append(self.para(item, indent=14, bullet="\u2022", space_after=2.5))
                out[-1].spaceAfter = 6
            elif kind == "small":
                out.append(self.para(b[1], font=f["italic"], size=8.5, leading=11, color=GRAY))
            elif kind == "table":
                out.append(self.table(b[1], b[2], b[3] if len(b) > 3 else None))
            elif kind == "space":
                out.append(Spacer(1, b[1]))
            elif kind == "template":
                out.append(NextPageTemplate(b[1]))
            elif kind == "pagebreak":
                out.append(PageBreak())
            elif kind == "framebreak":
                out.append(FrameBreak())
            elif kind == "scan":
                W, H = self.pagesize
                out.append(ScanImage(b[1], W, H))
            elif kind == "flowable":
                out.append(b[1])
            else:
                raise ValueError(kind)
        return out

    def table(self, rows, col_widths, caption):
        f = self.fonts
        t = Table(rows, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), f["table_bold"], 8.5),
            ("FONT", (0, 1), (-1, -1), f["table"], 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.86, 0.90, 0.86)),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.Color(0.3, 0.3, 0.3)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        t.spaceBefore, t.spaceAfter = 4, 4
        if caption:
            cap = TextBlock(caption, f["bold"], 9.5, 12, self.lang, False, 6, 3, hyphenate=False)
            return KeepTogether([cap, t])
        return t


# ==========================================================================
# Document content
# ==========================================================================
def doc_us_wa_winter_wheat():
    spec = dict(
        file="us-wa-winter-wheat.pdf", language="en", lang_tag="en-US", pagesize=letter,
        title="Winter Wheat Production in Eastern Washington",
        short_title="Winter Wheat Production in Eastern Washington",
        author="Washington State University Extension",
        subject="Seeding dates, seeding rates, fertility and pest management for dryland "
                "winter wheat in eastern Washington",
        keywords="winter wheat, eastern Washington, Palouse, Whitman County, Spokane County, "
                 "seeding rate, nitrogen, stripe rust",
        header_right="WSU Extension", footer_left="WSU Extension \u00b7 Sample Bulletin AGQ-101",
        issue_line="Sample Bulletin AGQ-101 \u00b7 Revised March 2024",
        date="20240315090000+00'00'", primary_region="US-WA",
        page_labels_spec=[(0, "r", 1), (1, "D", 1)],
        mentions=["Whitman County", "Spokane County", "Palouse", "Washington", "Colfax"],
    )
    blocks = [
        ("title", "Winter Wheat Production in Eastern Washington",
         "A dryland production guide for the low, intermediate and high rainfall zones"),
        ("space", 10),
        ("lead", "Winter wheat is the most widely grown crop in eastern Washington and the "
                 "backbone of dryland farming from the Columbia Basin to the Palouse. This "
                 "bulletin summarizes current recommendations for variety choice, seeding "
                 "dates, seeding rates, soil fertility, and the management of weeds, insects, "
                 "and diseases. Recommendations differ by rainfall zone, so read each section "
                 "with your own farm and its annual precipitation in mind."),
        ("h2", "In this bulletin"),
        ("ul", ["Regions and rainfall zones (page 1)",
                "Variety selection and seeding dates (page 1)",
                "Seeding rate and row spacing (page 1)",
                "Soil fertility: nitrogen, sulfur, phosphorus and soil acidity (page 2)",
                "Pest management: weeds, insects and diseases (page 2)",
                "Harvest, storage and where to get help (page 2)"]),
        ("h2", "Rainfall zones at a glance"),
        ("table", [["Zone", "Annual precipitation", "Typical rotation", "Seeding window"],
                   ["Low", "less than 12 in", "winter wheat \u2013 summer fallow",
                    "late Aug \u2013 mid Sept"],
                   ["Intermediate", "12 to 16 in", "wheat \u2013 spring crop \u2013 fallow",
                    "early Sept \u2013 early Oct"],
                   ["High (Palouse)", "more than 16 in", "wheat \u2013 legume or canola",
                    "late Sept \u2013 mid Oct"]],
         [90, 110, 170, 130], None),
        ("space", 8),
        ("small", "Trade names are used only to make the information clear; no endorsement is "
                  "intended. Always read and follow pesticide label directions. Sample "
                  "material prepared for software testing; it is not an official WSU "
                  "publication."),
        ("template", "two"), ("pagebreak",),

        ("h1", "Regions and Rainfall Zones"),
        ("p", "Eastern Washington produces most of the state\u2019s wheat on dryland farms that "
              "depend entirely on stored soil moisture and winter precipitation. Growers "
              "usually describe the region in three rainfall zones. The low-rainfall zone, "
              "with less than 12 inches of annual precipitation, covers much of Adams, Lincoln "
              "and Franklin counties and relies on a winter wheat and summer fallow rotation. "
              "The intermediate zone, with 12 to 16 inches, supports a three-year rotation of "
              "winter wheat, a spring cereal or legume, and fallow or a flexible crop. The "
              "high-rainfall zone, with more than 16 inches, includes the Palouse in Whitman "
              "County and the southeastern part of Spokane County, where annual cropping is "
              "the rule and winter wheat follows peas, lentils, chickpeas or canola."),
        ("p", "The Palouse is known for steep, rolling loess hills with deep silt loam soils. "
              "These soils hold roughly 2 inches of plant-available water per foot of depth, "
              "so a fully recharged five-foot profile can supply 10 inches or more to the "
              "crop. Most precipitation falls between October and April, which is why a "
              "fall-sown crop that is well established before winter makes such efficient use "
              "of water in this region. Summer rain is unreliable everywhere east of the "
              "Cascades, and yield is largely decided by how much water is stored in the "
              "profile when the crop begins rapid growth in April."),

        ("h1", "Variety Selection"),
        ("p", "Soft white winter wheat is the dominant market class and is exported mainly "
              "to buyers in Asia for noodles, crackers and pastries. Hard red winter wheat is "
              "grown where a protein premium is offered, usually in the drier western part of "
              "the region, where grain protein tends to be higher. Choose varieties on the "
              "basis of multi-year, multi-location results from the variety testing program "
              "in your rainfall zone rather than a single season of data from one site."),
        ("p", "When comparing varieties with similar yield, give priority to these traits:"),
        ("ul", ["Stripe rust resistance, the most important disease trait in nearly every "
                "year in the high-rainfall zone.",
                "Emergence from deep furrows on summer fallow, where a long coleoptile lets "
                "seedlings reach the surface from 4 to 6 inches deep.",
                "Winter hardiness for exposed ridgetops and for northern fields in Spokane "
                "County.",
                "Tolerance of soil acidity and aluminum on fields with a seed-zone pH below "
                "5.2.",
                "Resistance to snow mold at higher elevations where snow cover lasts more "
                "than 100 days."]),

        ("h1", "Seeding Dates"),
        ("h2", "Low-rainfall zone"),
        ("p", "Wheat sown into summer fallow is planted from late August to mid-September with "
              "deep-furrow drills that place seed into moist soil well below the dry surface "
              "mulch. Early planting gives the crop time to develop a strong root system and "
              "several tillers before winter, which improves its ability to withstand drought "
              "the following summer. Planting too early, however, increases the risk of "
              "Russian wheat aphid, Hessian fly, and fall infection by soilborne diseases, "
              "and it uses stored water that the crop will need in June."),
        ("h2", "Intermediate and high-rainfall zones"),
        ("p", "On the Palouse, seeding usually begins in late September after the legume "
              "harvest and continues into mid-October. Wheat that emerges before the end of "
              "October and reaches the three-leaf stage before the ground freezes normally "
              "survives well. Late-planted fields should be sown at a higher rate to make up "
              "for fewer tillers. Direct seeding into standing legume residue is recommended "
              "on the steepest slopes to reduce the severe erosion that occurs when rain falls "
              "on thawing soil in late winter, a common event in Whitman County."),

        ("h1", "Seeding Rate and Row Spacing"),
        ("p", "Seeding rates are most accurate when they are calculated as seeds per acre "
              "rather than pounds per acre, because seed size varies widely among varieties "
              "and seed lots. Typical targets are 600,000 to 800,000 seeds per acre in the "
              "low-rainfall zone and 1.0 to 1.3 million seeds per acre in the high-rainfall "
              "zone. With 12,000 to 15,000 seeds per pound, this corresponds roughly to 50 to "
              "65 pounds per acre on fallow and 90 to 120 pounds per acre on annually cropped "
              "ground. Increase the rate by 10 to 15 percent when planting late, when seeding "
              "into heavy residue, or when the seedbed is cloddy or dry."),
        ("p", "Most drills in the high-rainfall zone have 7- to 10-inch row spacing. Narrow "
              "rows close the canopy sooner, shade out weeds and make better use of light. "
              "Deep-furrow drills used on fallow normally have 14- to 16-inch spacing, which "
              "preserves the furrow structure that protects seedlings from wind and cold. "
              "Check drill calibration every season with the seed lot you will actually plant."),

        ("h1", "Soil Fertility"),
        ("h2", "Nitrogen"),
        ("p", "Nitrogen is the nutrient most likely to limit yield. Estimate the requirement "
              "from a realistic yield goal: soft white winter wheat needs about 2.7 pounds of "
              "available nitrogen per bushel of expected yield in the high-rainfall zone and "
              "somewhat less on fallow. Subtract the nitrate-nitrogen measured by a soil test "
              "taken to the full rooting depth, usually 4 to 5 feet on the Palouse, together "
              "with credits for mineralization and for the previous crop. A pea or lentil crop "
              "typically leaves 20 to 40 pounds of nitrogen per acre for the following wheat."),
        ("p", "Split applications reduce losses and help match supply to the crop. Many "
              "growers band one-half to two-thirds of the nitrogen with the drill in the fall "
              "and apply the remainder in early spring when the crop starts active growth. "
              "Excessive nitrogen raises grain protein above the 10.5 percent preferred by "
              "soft white buyers and increases lodging and foliar disease."),
        ("h2", "Sulfur, phosphorus and soil acidity"),
        ("p", "Sulfur deficiency is common on eroded hilltops and on sandy soils; apply 10 to "
              "20 pounds per acre of sulfate sulfur where the soil test is below 10 ppm. Band "
              "phosphorus near the seed when the Olsen phosphorus test is below 15 ppm. Long "
              "use of ammonium-based fertilizers has acidified many Palouse soils, and a pH "
              "below 5.5 in the top 4 inches reduces root growth, nodulation of the legume "
              "crops in the rotation, and the activity of some herbicides. Lime applied to the "
              "surface before direct seeding can raise the pH of this thin acid layer."),

        ("h1", "Pest Management"),
        ("h2", "Weeds"),
        ("p", "Downy brome, jointed goatgrass, Italian ryegrass, mayweed chamomile, prickly "
              "lettuce and Russian thistle are the most troublesome weeds. Italian ryegrass "
              "populations resistant to several herbicide groups are now widespread on the "
              "Palouse, so rotate herbicide modes of action, plant competitive varieties at "
              "adequate rates, and consider harvest weed seed control. Control volunteer "
              "wheat and grass weeds at least two weeks before seeding to break the green "
              "bridge that carries aphids and rust from one crop to the next."),
        ("h2", "Insects"),
        ("p", "Hessian fly, cereal leaf beetle, Russian wheat aphid and wireworms are the "
              "main insect pests. Wireworm damage is most severe after grass sod or long "
              "fallow; an insecticide seed treatment is the only practical protection. Scout "
              "for aphids in fall on early seeded fields and again in May, and treat only when "
              "counts exceed the economic threshold for the growth stage."),
        ("h2", "Diseases"),
        ("p", "Stripe rust is the most damaging disease of wheat in eastern Washington. Scout "
              "fields from March onward and apply a foliar fungicide when rust first appears "
              "on susceptible varieties; resistant varieties seldom need treatment before "
              "flag leaf emergence. Eyespot, also called strawbreaker foot rot, is favored by "
              "early seeding and wet winters. Cephalosporium stripe is linked to acid soils "
              "and short rotations. Fusarium crown rot is most serious in drier areas, where "
              "moisture-stressed plants ripen prematurely and produce white heads."),

        ("h1", "Harvest and Storage"),
        ("p", "Harvest usually begins in mid-July in the low-rainfall zone and continues "
              "until late August on the Palouse. Grain should be at 12 percent moisture or "
              "less for safe storage. Spread straw and chaff evenly behind the combine, "
              "because heavy windrows of residue tie up nitrogen, harbor disease, and "
              "interfere with direct seeding of the next crop."),
        ("h1", "Where to Get Help"),
        ("p", "County Extension offices in Colfax (Whitman County) and Spokane (Spokane "
              "County) can provide variety trial results, soil testing information, and "
              "current pesticide registrations. Agronomists at the local grain cooperative are "
              "also a good source of advice on seed lots and fertilizer programs."),
    ]
    return spec, blocks



def doc_us_ia_corn_soybean():
    spec = dict(
        file="us-ia-corn-soybean.pdf", language="en", lang_tag="en-US", pagesize=letter,
        margin=72,
        title="Corn and Soybean Planting Guide for Iowa",
        short_title="Iowa Corn and Soybean Planting Guide",
        author="Iowa State University Extension and Outreach",
        subject="Planting dates, seeding rates, nitrogen and early-season pest management for "
                "corn and soybean in Iowa",
        keywords="corn, soybean, Iowa, planting date, seeding rate, row spacing, nitrogen, "
                 "soybean cyst nematode",
        header_right="ISU Extension and Outreach",
        footer_left="ISU Extension and Outreach \u00b7 Sample Publication AGQ-204",
        issue_line="Sample Publication AGQ-204 \u00b7 February 2024",
        date="20240212100000+00'00'", primary_region="US-IA",
        mentions=["Iowa", "Story County", "Ames", "northwest Iowa"],
    )
    t1 = [["Crop", "Row spacing", "Seeding rate (seeds/acre)", "Target final stand (plants/acre)"],
          ["Corn", "30 in", "34,000\u201336,000", "32,000\u201334,000"],
          ["Corn", "20 in", "35,000\u201337,000", "33,000\u201335,000"],
          ["Soybean", "30 in", "130,000\u2013140,000", "100,000\u2013120,000"],
          ["Soybean", "15 in", "120,000\u2013130,000", "100,000\u2013110,000"],
          ["Soybean", "7.5 in (drilled)", "140,000\u2013160,000", "110,000\u2013125,000"]]
    t2 = [["Region of Iowa", "Corn: optimum window", "Soybean: optimum window"],
          ["Northwest", "April 20 \u2013 May 10", "April 25 \u2013 May 15"],
          ["Northeast", "April 20 \u2013 May 10", "April 25 \u2013 May 15"],
          ["Central", "April 15 \u2013 May 10", "April 20 \u2013 May 15"],
          ["Southwest", "April 15 \u2013 May 5", "April 20 \u2013 May 20"],
          ["Southeast", "April 10 \u2013 May 5", "April 20 \u2013 May 20"]]
    spec["table_cells"] = ["Seeding rate (seeds/acre)", "34,000\u201336,000", "7.5 in (drilled)",
                           "140,000\u2013160,000", "Northwest", "April 15 \u2013 May 10"]
    blocks = [
        ("title", "Corn and Soybean Planting Guide for Iowa",
         "Planting dates, seeding rates and early-season management"),
        ("space", 6),
        ("h1", "Planting Date"),
        ("p", "Planting date has a large effect on yield potential for both crops. Iowa "
              "planting date trials show that corn yields are highest when the crop is "
              "planted between mid-April and early May, with a gradual decline after about "
              "May 10 and a faster decline after May 20. Soybean is even more responsive to "
              "early planting: every day of delay after the first week of May costs roughly "
              "one-third to one-half bushel per acre, because early planted soybean captures "
              "more sunlight and sets more nodes and pods. Planting soybean before corn has "
              "become common on farms where both crops cannot be planted in the optimum window."),
        ("p", "Soil conditions matter more than the calendar. Plant when the soil is fit to "
              "work and is not wet enough to smear in the seed furrow, since sidewall "
              "compaction restricts root growth for the entire season. Table 2 lists the "
              "planting windows recommended for each region of the state."),
        ("h2", "Soil temperature"),
        ("p", "Corn germinates slowly below 50\u00b0F, and soybean below 54\u00b0F. Use the "
              "two-inch soil temperature measured in the morning and check the five-day "
              "forecast: a cold rain of 40\u00b0F or lower in the first 48 hours after planting "
              "can cause imbibitional chilling injury and uneven stands. In central Iowa, "
              "including Story County and the Ames area, suitable soil temperatures usually "
              "arrive in the third week of April; in northwest Iowa they are often a week "
              "later."),
        ("h1", "Seeding Rates and Row Spacing"),
        ("p", "The economic optimum corn seeding rate in Iowa trials is close to 35,000 seeds "
              "per acre on productive soils and somewhat lower on soils with limited water "
              "holding capacity. For soybean, a final stand of 100,000 to 120,000 plants per "
              "acre is sufficient for maximum yield in most fields; higher rates rarely pay "
              "except when planting late, in narrow drilled rows, or into poor seedbeds. "
              "Table 1 summarizes recommended rates by row spacing."),
        ("table", t1, [70, 95, 150, 180], "Table 1. Seeding rate by row spacing"),
        ("p", "Narrow rows (15 inches or less) increase soybean yield in northern Iowa, where "
              "the canopy closes late, by about 2 to 4 bushels per acre. The benefit is "
              "smaller in southern Iowa. Twenty-inch corn rows produce similar yields to "
              "30-inch rows in most Iowa studies and are mainly useful for equipment reasons."),
        ("table", t2, [120, 150, 150], "Table 2. Recommended planting windows by region"),
        ("h1", "Nitrogen for Corn"),
        ("p", "Iowa nitrogen rate recommendations use the maximum return to nitrogen (MRTN) "
              "approach, which balances the price of nitrogen against the price of corn. At "
              "typical price ratios the MRTN for corn following soybean is about 140 to 150 "
              "pounds of nitrogen per acre, and for corn following corn about 190 to 200 "
              "pounds per acre. Apply most of the nitrogen in spring, or as a sidedress, to "
              "limit losses to leaching and denitrification in wet years. The late-spring "
              "soil nitrate test, taken when corn is 6 to 12 inches tall, helps decide whether "
              "more nitrogen is needed: a concentration above 25 ppm nitrate-nitrogen in the "
              "top foot of soil indicates an adequate supply."),
        ("p", "Manure is a valuable nitrogen source but varies widely in composition. Sample "
              "each manure storage, calibrate the applicator, and credit the nitrogen that "
              "will become available in the first year."),
        ("h1", "Soybean Management"),
        ("h2", "Soybean cyst nematode"),
        ("p", "Soybean cyst nematode (SCN) is present in most Iowa fields and is the most "
              "damaging soybean pathogen in the state. Most resistant varieties carry the "
              "same PI 88788 source of resistance, and many SCN populations have adapted to "
              "it. Rotate to varieties with the Peking source of resistance where available, "
              "rotate with nonhost crops, and collect soil samples every few years to track "
              "egg counts."),
        ("h2", "Soybean aphid"),
        ("p", "Scout from late June through August. The economic threshold is an average of "
              "250 aphids per plant on at least 80 percent of plants, with populations "
              "increasing; treatment below this threshold seldom pays and eliminates the lady "
              "beetles and other predators that keep aphids in check."),
        ("h1", "Early-Season Scouting"),
        ("ul", ["Check stands 10 to 14 days after planting and count plants in 1/1000 acre "
                "of row (17 ft 5 in of 30-inch row).",
                "Replant corn only when the stand is below about 20,000 plants per acre and "
                "the replant date is before late May.",
                "Look for black cutworm cutting in corn from V1 to V5 and for bean leaf "
                "beetle feeding on emerging soybean.",
                "In fields with a history of corn rootworm, dig roots in July to evaluate "
                "the trait or insecticide performance."]),
        ("p", "For local recommendations, contact the field agronomist serving your county "
              "or the ISU Extension and Outreach office in your county seat."),
    ]
    return spec, blocks


def doc_us_ca_almond():
    spec = dict(
        file="us-ca-almond-irrigation.pdf", language="en", lang_tag="en-US", pagesize=letter,
        margin=72,
        title="Irrigation Scheduling for Almonds in the San Joaquin Valley",
        short_title="Almond Irrigation Scheduling",
        author="University of California Agriculture and Natural Resources",
        subject="Evapotranspiration-based irrigation scheduling, regulated deficit irrigation "
                "and salinity management for almond orchards in California",
        keywords="almond, irrigation, evapotranspiration, crop coefficient, Fresno County, "
                 "Central Valley, stem water potential, hull split",
        header_right="UC ANR",
        footer_left="UC Agriculture and Natural Resources \u00b7 Sample Leaflet AGQ-318",
        issue_line="Sample Leaflet AGQ-318 \u00b7 April 2024",
        date="20240408080000+00'00'", primary_region="US-CA",
        mentions=["California", "Fresno County", "Central Valley", "San Joaquin Valley"],
    )
    months = [("February", 2.0, 0.40), ("March", 3.4, 0.60), ("April", 5.0, 0.78),
              ("May", 6.7, 0.94), ("June", 7.7, 1.05), ("July", 8.4, 1.11),
              ("August", 7.4, 1.11), ("September", 5.4, 1.06), ("October", 3.6, 0.92),
              ("November", 1.7, 0.69)]
    rows = [["Month", "Reference ETo (in)", "Crop coefficient Kc", "Almond ETc (in)"]]
    tot = 0.0
    for m, eto, kc in months:
        etc = round(eto * kc, 1)
        tot += etc
        rows.append([m, "%.1f" % eto, "%.2f" % kc, "%.1f" % etc])
    rows.append(["Season total", "", "", "%.1f" % tot])
    spec["table_cells"] = ["Crop coefficient Kc", "July", "1.11", "Season total", "%.1f" % tot]
    blocks = [
        ("title", "Irrigation Scheduling for Almonds in the San Joaquin Valley",
         "Using evapotranspiration, soil moisture and plant water status"),
        ("space", 6),
        ("h1", "Why Scheduling Matters"),
        ("p", "Almond is one of the largest water users among California orchard crops. A "
              "mature orchard with full canopy cover in the Central Valley uses about 48 to 54 "
              "inches of water per season, depending on location and weather. With "
              "groundwater pumping limits under the Sustainable Groundwater Management Act and "
              "frequent reductions in surface water deliveries, growers in Fresno County and "
              "elsewhere in the San Joaquin Valley need to apply water where and when the "
              "trees can use it. Good scheduling protects yield, reduces hull rot and other "
              "diseases, and lowers pumping costs."),
        ("h1", "Estimating Orchard Water Use"),
        ("p", "Orchard water use, or crop evapotranspiration (ETc), is estimated by "
              "multiplying the reference evapotranspiration (ETo) by a crop coefficient (Kc): "
              "ETc = ETo \u00d7 Kc. Daily ETo for your area is published by the California "
              "Irrigation Management Information System (CIMIS) network of weather stations. "
              "The crop coefficient reflects canopy size and the stage of the season; the "
              "values in Table 1 apply to mature, well-watered trees with a canopy shading "
              "about 70 percent of the orchard floor at midday. Reduce them in proportion for "
              "young orchards."),
        ("table", rows, [95, 110, 120, 110],
         "Table 1. Average monthly water use of mature almonds near Fresno"),
        ("p", "Subtract effective rainfall and the water stored in the root zone at the start "
              "of the season. In a wet winter the soil profile in the Central Valley may hold "
              "6 to 8 inches of usable water, which can delay the first irrigation until April. "
              "After that, the irrigation system must replace ETc divided by the distribution "
              "uniformity of the system. A well-maintained micro-sprinkler or drip system "
              "should have a distribution uniformity above 85 percent."),
        ("h1", "Checking Tree Water Status"),
        ("h2", "Stem water potential"),
        ("p", "The pressure chamber measures midday stem water potential (SWP), the most "
              "reliable indicator of tree water stress. Cover a shaded leaf near the trunk "
              "with a foil bag for at least 10 minutes, then measure between 12:00 and 3:00 "
              "p.m. Fully irrigated almond trees typically read -6 to -10 bars. Readings of "
              "-14 to -18 bars indicate moderate stress, and values below -20 bars cause leaf "
              "drop and reduce next year\u2019s crop."),
        ("h2", "Soil moisture monitoring"),
        ("p", "Soil moisture sensors installed at 1, 2 and 3 feet show how deep each "
              "irrigation wets the profile and how quickly the trees draw it down. Use them "
              "together with the pressure chamber: sensors tell you about the soil, while the "
              "pressure chamber tells you what the tree is experiencing."),
        ("h1", "Regulated Deficit Irrigation at Hull Split"),
        ("p", "Mild water stress during hull split, usually from early July to early August "
              "for Nonpareil in the San Joaquin Valley, hastens uniform hull opening and "
              "sharply reduces hull rot. Reduce applied water to about 75 to 80 percent of "
              "ETc for two to three weeks starting when the first hulls split on "
              "sound fruit, and target a stem water potential of -14 to -18 bars. Return to full "
              "irrigation once hull split is well under way, and never let stress continue "
              "into the pre-harvest period, when shaking can injure dry trees."),
        ("h1", "Postharvest Irrigation"),
        ("p", "Flower buds for next year\u2019s crop develop in late summer and fall. Resume "
              "full irrigation as soon as the nuts are picked up, and continue until leaf "
              "fall. Trees that lose leaves early because of postharvest water stress produce "
              "fewer flowers the next spring."),
        ("h1", "Salinity"),
        ("p", "Almond is sensitive to chloride, sodium and boron. Test irrigation water each "
              "year, especially from wells. Where salts accumulate, apply a leaching fraction "
              "of 10 to 15 percent in addition to ETc, preferably during the dormant season "
              "when winter rain helps move salts below the root zone."),
    ]
    return spec, blocks



def doc_in_tn_rice():
    spec = dict(
        file="in-tn-rice-samba.pdf", language="en", lang_tag="en-IN", pagesize=A4,
        dejavu=True, ligatures=True, margin=68,
        title="Samba Rice Cultivation in the Cauvery Delta, Tamil Nadu",
        short_title="Samba Rice in the Cauvery Delta",
        author="Tamil Nadu Agricultural University",
        subject="Crop production practices for long-duration samba season rice in "
                "Thanjavur, Tiruvarur and Nagapattinam districts",
        keywords="rice, paddy, samba season, Tamil Nadu, Thanjavur, Tiruvarur, Cauvery delta, "
                 "nursery, transplanting, nutrient management",
        header_right="TNAU",
        footer_left="Tamil Nadu Agricultural University \u00b7 Sample Crop Guide AGQ-412",
        issue_line="Sample Crop Guide AGQ-412 \u00b7 July 2024",
        date="20240705053000+00'00'", primary_region="IN-TN",
        mentions=["Tamil Nadu", "Thanjavur", "Tiruvarur", "Nagapattinam", "Cauvery delta",
                  "Mettur"],
    )
    blocks = [
        ("title", "Samba Rice Cultivation in the Cauvery Delta, Tamil Nadu",
         "Crop production guide for Thanjavur, Tiruvarur and Nagapattinam districts"),
        ("space", 6),
        ("h1", "The Samba Season"),
        ("p", "Samba is the main rice season of the Cauvery delta. Long-duration varieties "
              "are sown in August and September, when water released from the Mettur dam "
              "reaches the canals, and the crop is harvested in January and February. The "
              "season covers most of the paddy area in Thanjavur and Tiruvarur districts and "
              "a large part of Nagapattinam. Because the crop stands in the field through the "
              "northeast monsoon from October to December, farmers must plan for both a "
              "sufficient water supply early in the season and the flooding that heavy "
              "cyclonic rains often bring later."),
        ("h1", "Varieties"),
        ("p", "Choose long-duration varieties of 145 to 160 days for samba sown in August, "
              "and medium-duration varieties of 125 to 135 days when sowing is delayed into "
              "late September. CR 1009 Sub1 is widely grown because it survives complete "
              "submergence for up to two weeks, which makes it an effective choice for "
              "low-lying fields that are prone to flooding. Fine-grain varieties fetch a "
              "better price but are more affected by lodging and blast; grow them on "
              "well-drained fields where you can give sufficient attention to crop protection."),
        ("h1", "Nursery Management"),
        ("p", "A nursery of 20 cents (about 800 square metres) raises enough seedlings for one "
              "hectare of the main field. Use 30 kg of certified seed per hectare for "
              "long-duration varieties. Soak the seed for 24 hours, drain it, and incubate it "
              "for a further 24 hours until the sprouts are about 2 mm long. Treat the seed "
              "with Pseudomonas fluorescens at 10 g per kg of seed before sowing; it is an "
              "effective and low-cost protection against blast and sheath blight in the "
              "early stages. Apply 1 tonne of well-decomposed farmyard manure and 40 kg of "
              "diammonium phosphate to the nursery. Keep a thin film of water for the first "
              "five days and then raise the level gradually as the seedlings grow."),
        ("h1", "Main Field Preparation and Transplanting"),
        ("p", "Plough the field two or three times under puddled conditions and level it "
              "carefully; a well-levelled field needs less water and gives more uniform weed "
              "control. Incorporate green manure such as sunnhemp or daincha at least one "
              "week before transplanting. Transplant seedlings that are 30 to 35 days old for "
              "long-duration varieties, at two seedlings per hill and a spacing of 20 cm by "
              "15 cm (about 33 hills per square metre). Shallow planting at 2 to 3 cm helps "
              "the first tillers to appear early. Older seedlings produce fewer productive "
              "tillers and should be planted at three seedlings per hill."),
        ("h1", "Nutrient Management"),
        ("p", "The blanket recommendation for long-duration rice in the delta is 150 kg "
              "nitrogen, 50 kg phosphorus (as P2O5) and 50 kg potassium (as K2O) per hectare. "
              "Apply all the phosphorus as a basal dose. Split the nitrogen and potassium into "
              "four equal doses at basal, active tillering, panicle initiation and first "
              "flowering. The leaf colour chart offers an efficient way to adjust nitrogen "
              "during the season: apply a top dressing whenever the leaf colour falls below "
              "the critical reading of 4. Apply 25 kg of zinc sulphate per hectare to fields "
              "where zinc deficiency has been seen before; the symptoms are rusty brown spots "
              "on older leaves and stunted, uneven growth two to four weeks after planting."),
        ("h1", "Water Management"),
        ("p", "Maintain 2 cm of water at transplanting and up to 5 cm during tillering. From "
              "active tillering to panicle initiation, irrigate to a depth of 5 cm only after "
              "the ponded water has disappeared and fine cracks are visible; this practice "
              "saves water without reducing yield and is suitable for tail-end areas of the "
              "delta where canal flow is uncertain. Keep the field flooded from panicle "
              "initiation through flowering, when the crop is most sensitive to stress, and "
              "drain it 15 days before harvest. During the northeast monsoon, clear field "
              "channels and drains in advance; standing water above 10 cm for more than a few "
              "days causes lodging, rotting of tillers and poor grain filling."),
        ("h1", "Weed Management"),
        ("p", "Apply a pre-emergence herbicide such as pretilachlor within three days of "
              "transplanting in a thin film of water, and follow with one hand weeding or a "
              "rotary weeder pass at 30 to 35 days. Where the field could not be flooded "
              "early, weeds such as Echinochloa become difficult to control and two hand "
              "weedings may be necessary."),
        ("h1", "Pests and Diseases"),
        ("p", "Yellow stem borer, leaf folder and brown planthopper are the main insect "
              "pests of samba rice. Set up pheromone traps for stem borer at 12 per hectare, "
              "avoid excess nitrogen, and leave alleys of 30 cm every 2.5 metres to reduce "
              "planthopper build-up. Spray only when pest numbers exceed the economic "
              "threshold; broad-spectrum insecticides applied early kill the spiders and "
              "other natural enemies that keep planthoppers in check. Blast, sheath blight, "
              "bacterial leaf blight and false smut are the major diseases. Fields affected by "
              "flooding during the monsoon often show more sheath blight and bacterial leaf "
              "blight afterwards, so inspect them closely once the water recedes."),
        ("h1", "Harvest"),
        ("p", "Harvest when 80 percent of the grains in the panicle have turned straw "
              "coloured, which is usually 30 days after flowering. Combine harvesters are now "
              "used on most farms in the delta; dry the grain to 14 percent moisture before "
              "storage or sale. A well-managed samba crop yields 5.5 to 6.5 tonnes per hectare "
              "and remains one of the most profitable options for delta farmers."),
    ]
    return spec, blocks


def doc_br_mt_soja():
    spec = dict(
        file="br-mt-soja.pdf", language="pt", lang_tag="pt-BR", pagesize=A4, margin=68,
        title="Cultivo de soja no Mato Grosso",
        short_title="Cultivo de soja no Mato Grosso",
        author="Embrapa Soja (documento de amostra)",
        subject="Recomenda\u00e7\u00f5es t\u00e9cnicas para a cultura da soja no Mato Grosso, "
                "Brasil: semeadura, aduba\u00e7\u00e3o, pragas e doen\u00e7as",
        keywords="soja, Mato Grosso, Brasil, Sorriso, Sinop, vazio sanit\u00e1rio, "
                 "ferrugem-asi\u00e1tica, semeadura, safrinha",
        header_right="Embrapa Soja \u2013 amostra",
        footer_left="Circular T\u00e9cnica de amostra n\u00ba 12 \u00b7 Embrapa Soja",
        issue_line="Circular T\u00e9cnica de amostra n\u00ba 12 \u00b7 Setembro de 2024",
        date="20240902120000+00'00'", primary_region="BR-MT",
        mentions=["Mato Grosso", "Sorriso", "Sinop", "Lucas do Rio Verde", "Nova Mutum", "Brasil"],
    )
    blocks = [
        ("title", "Cultivo de soja no Mato Grosso",
         "Recomenda\u00e7\u00f5es t\u00e9cnicas para a safra 2024/25"),
        ("space", 6),
        ("h1", "Panorama da cultura"),
        ("p", "O Mato Grosso \u00e9 o maior produtor de soja do Brasil, com mais de 12 milh\u00f5es "
              "de hectares cultivados por safra. As principais regi\u00f5es produtoras est\u00e3o "
              "no m\u00e9dio-norte do estado, ao longo da BR-163, onde se destacam os munic\u00edpios "
              "de Sorriso, Sinop, Lucas do Rio Verde e Nova Mutum. O clima \u00e9 tropical, com "
              "esta\u00e7\u00e3o chuvosa bem definida de outubro a abril e precipita\u00e7\u00e3o anual "
              "entre 1.800 e 2.200 mm. Os solos predominantes s\u00e3o Latossolos de textura "
              "argilosa a m\u00e9dia, profundos e bem drenados, mas naturalmente \u00e1cidos e pobres "
              "em f\u00f3sforo. A alta produtividade alcan\u00e7ada pelos produtores da regi\u00e3o "
              "depende da corre\u00e7\u00e3o do solo, do plantio direto sobre palhada e do manejo "
              "integrado de pragas e doen\u00e7as."),
        ("h1", "Vazio sanit\u00e1rio e calend\u00e1rio de semeadura"),
        ("p", "O vazio sanit\u00e1rio \u00e9 o per\u00edodo de pelo menos 90 dias, durante a "
              "entressafra, em que \u00e9 proibido manter plantas vivas de soja no campo. A "
              "medida reduz a sobreviv\u00eancia do fungo causador da ferrugem-asi\u00e1tica entre "
              "uma safra e outra. No Mato Grosso, as datas do vazio e do calend\u00e1rio de "
              "semeadura s\u00e3o definidas anualmente pelo \u00f3rg\u00e3o estadual de defesa "
              "agropecu\u00e1ria; o produtor deve consultar a norma vigente antes de planejar a "
              "semeadura e eliminar as plantas volunt\u00e1rias (soja tiguera) da entressafra."),
        ("p", "A semeadura come\u00e7a normalmente em meados de setembro, logo ap\u00f3s o fim do "
              "vazio, desde que o solo tenha umidade suficiente. Recomenda-se iniciar o "
              "plantio somente depois de um acumulado de 40 a 50 mm de chuva, para evitar "
              "falhas de emerg\u00eancia e replantio. Semeaduras feitas at\u00e9 o fim de outubro "
              "permitem colher a soja em janeiro ou fevereiro e semear o milho segunda safra "
              "(safrinha) ainda dentro da janela favor\u00e1vel de chuvas."),
        ("h2", "Escolha de cultivares"),
        ("p", "Em Sorriso e Sinop predominam cultivares de ciclo precoce, com grupo de "
              "matura\u00e7\u00e3o relativa entre 7.5 e 8.2, que completam o ciclo em 100 a 115 dias. "
              "Cultivares de ciclo m\u00e9dio ou tardio tendem a produzir mais quando semeadas "
              "cedo, mas atrasam a semeadura do milho. Diversifique pelo menos duas ou tr\u00eas "
              "cultivares na propriedade para distribuir os riscos de clima e de doen\u00e7as, e "
              "escolha materiais com resist\u00eancia aos nematoides presentes na \u00e1rea."),
        ("h1", "Semeadura"),
        ("p", "O espa\u00e7amento mais usado \u00e9 de 45 a 50 cm entre linhas. A densidade varia de "
              "10 a 16 sementes por metro, visando uma popula\u00e7\u00e3o final de 220 a 320 mil "
              "plantas por hectare, conforme a recomenda\u00e7\u00e3o do obtentor da cultivar. "
              "Semeie a uma profundidade de 3 a 5 cm, com a semeadora a 5 ou 6 km/h para "
              "garantir a distribui\u00e7\u00e3o uniforme das sementes na linha. Use sementes "
              "certificadas, com germina\u00e7\u00e3o m\u00ednima de 80% e alto vigor, tratadas com "
              "fungicidas e inseticidas registrados para a cultura."),
        ("h2", "Inocula\u00e7\u00e3o"),
        ("p", "A soja dispensa a aduba\u00e7\u00e3o nitrogenada quando est\u00e1 bem nodulada. Fa\u00e7a a "
              "inocula\u00e7\u00e3o com Bradyrhizobium em todas as safras, mesmo em \u00e1reas "
              "cultivadas h\u00e1 muitos anos, usando no m\u00ednimo 1,2 milh\u00e3o de c\u00e9lulas por "
              "semente. A coinocula\u00e7\u00e3o com Azospirillum brasilense favorece o "
              "desenvolvimento das ra\u00edzes e costuma aumentar a produtividade. Fa\u00e7a o "
              "tratamento e a inocula\u00e7\u00e3o \u00e0 sombra e semeie no mesmo dia."),
        ("h1", "Corre\u00e7\u00e3o do solo e aduba\u00e7\u00e3o"),
        ("p", "Em \u00e1reas de cerrado recém-abertas, a calagem deve elevar a satura\u00e7\u00e3o por "
              "bases da camada de 0 a 20 cm para 50% a 60%, com aplica\u00e7\u00e3o do calc\u00e1rio "
              "pelo menos tr\u00eas meses antes da semeadura. O gesso agr\u00edcola \u00e9 recomendado "
              "quando a camada de 20 a 40 cm apresenta teor elevado de alum\u00ednio ou baixo "
              "teor de c\u00e1lcio. Em solos j\u00e1 corrigidos, a aduba\u00e7\u00e3o de manuten\u00e7\u00e3o "
              "costuma ficar entre 60 e 90 kg de P2O5 e entre 60 e 90 kg de K2O por hectare, "
              "de acordo com a an\u00e1lise de solo e a produtividade esperada. Parte do "
              "pot\u00e1ssio pode ser aplicada a lan\u00e7o antes da semeadura para evitar o efeito "
              "salino do fertilizante junto \u00e0s sementes."),
        ("h1", "Pragas e doen\u00e7as"),
        ("h2", "Ferrugem-asi\u00e1tica"),
        ("p", "A ferrugem-asi\u00e1tica, causada pelo fungo Phakopsora pachyrhizi, \u00e9 a doen\u00e7a "
              "mais importante da soja no Brasil. Al\u00e9m do vazio sanit\u00e1rio e da semeadura "
              "no in\u00edcio da janela, o controle depende de fungicidas aplicados de forma "
              "preventiva, em geral a partir do fechamento das entrelinhas ou conforme os "
              "alertas regionais de ocorr\u00eancia. Alterne os modos de a\u00e7\u00e3o e inclua "
              "fungicidas multiss\u00edtios no programa para retardar a sele\u00e7\u00e3o de "
              "popula\u00e7\u00f5es resistentes do fungo."),
        ("h2", "Percevejos e lagartas"),
        ("p", "O percevejo-marrom (Euschistus heros) \u00e9 a principal praga na fase "
              "reprodutiva. Monitore com o pano de batida e controle quando forem encontrados "
              "dois percevejos adultos ou ninfas grandes por metro de linha em lavouras para "
              "gr\u00e3os. Entre as lagartas, destacam-se Helicoverpa armigera, Chrysodeixis "
              "includens e esp\u00e9cies de Spodoptera. O manejo integrado de pragas, com "
              "amostragens semanais e respeito aos n\u00edveis de a\u00e7\u00e3o, reduz o n\u00famero de "
              "aplica\u00e7\u00f5es e preserva os inimigos naturais."),
        ("h1", "Colheita"),
        ("p", "Colha quando os gr\u00e3os estiverem com 13% a 15% de umidade. A desseca\u00e7\u00e3o "
              "pr\u00e9-colheita s\u00f3 deve ser feita com a lavoura em ponto de matura\u00e7\u00e3o "
              "fisiol\u00f3gica, para n\u00e3o reduzir o peso dos gr\u00e3os. Regule a colhedora e "
              "avalie as perdas: perdas acima de uma saca (60 kg) por hectare indicam "
              "necessidade de ajuste da velocidade, do molinete ou da plataforma de corte."),
    ]
    return spec, blocks


def doc_ke_maize():
    spec = dict(
        file="ke-maize.pdf", language="en", lang_tag="en-KE", pagesize=A4, margin=54,
        first_template="first2", title_frame_h=118,
        title="Maize Production in Kenya",
        short_title="Maize Production in Kenya",
        author="Kenya Agricultural and Livestock Research Organization",
        subject="National guidance on maize varieties, planting, fertilizer, pest control and "
                "post-harvest handling in Kenya",
        keywords="maize, Kenya, long rains, short rains, fertilizer, fall armyworm, maize "
                 "lethal necrosis, aflatoxin",
        header_right="KALRO",
        footer_left="KALRO \u00b7 Sample Farmer Guide AGQ-507",
        issue_line="Sample Farmer Guide AGQ-507 \u00b7 January 2024",
        date="20240122070000+00'00'", primary_region="KE",
        mentions=["Kenya"],
    )
    blocks = [
        ("title", "Maize Production in Kenya",
         "A national guide for smallholder and commercial growers"),
        ("framebreak",),
        ("template", "two"),
        ("h1", "Maize in Kenya"),
        ("p", "Maize is the main staple food in Kenya and is grown by most rural households, "
              "from small plots of less than one acre to large commercial farms. National "
              "average yields remain below 2 tonnes per hectare, far less than the 5 to 8 "
              "tonnes that well-managed crops achieve in the high-potential highlands. The "
              "main reasons for the gap are late planting, the use of recycled seed, too "
              "little fertilizer, poor weed control, and losses to pests and diseases. This "
              "guide summarizes practices that apply across the country; adapt them to the "
              "rainfall and altitude of your own farm."),
        ("h1", "Zones and Seasons"),
        ("p", "Most of Kenya has two rainy seasons: the long rains from March to May and the "
              "short rains from October to December. In the highlands above about 1,800 "
              "metres, late-maturing hybrids are grown once a year and take 6 to 9 months to "
              "mature. In the medium-altitude zones, maize is grown in both seasons with "
              "medium-maturity hybrids. In the semi-arid lowlands and drier midlands, where "
              "rains are short and unreliable, early-maturing and drought-tolerant varieties "
              "are essential."),
        ("h1", "Choosing a Variety"),
        ("p", "Always buy certified seed from registered agro-dealers and check the seal and "
              "the expiry date on the packet. Hybrid seed should not be replanted, because "
              "yields of the second generation drop by 20 to 30 percent. Match the maturity "
              "of the variety to the length of the rainy season: a variety that needs more "
              "water than the season provides will fail at grain filling. Drought-tolerant "
              "hybrids and open-pollinated varieties released for the dry zones yield "
              "reasonably even when the rains end early, and open-pollinated seed may be "
              "saved for one or two seasons if it is selected carefully."),
        ("h1", "Land Preparation and Planting"),
        ("p", "Prepare land before the rains start so that you can plant with the first "
              "effective rains. Planting two weeks late can reduce yield by a quarter. "
              "Recommended spacing is 75 cm between rows and 25 cm between plants with one "
              "seed per hole, or 75 cm by 30 cm with two seeds per hole thinned to one plant. "
              "This gives about 44,000 to 53,000 plants per hectare and needs roughly 25 kg "
              "of seed. In dry areas use wider spacing, for example 90 cm by 30 cm, so that "
              "each plant has more water. Plant at a depth of 5 cm in moist soil."),
        ("h1", "Fertilizer Use"),
        ("p", "Most Kenyan soils are low in nitrogen and phosphorus, and many in the "
              "highlands are acidic. Where a soil test is not available, apply a phosphate "
              "fertilizer such as DAP or NPK 23:23:0 at planting at 50 kg per acre (125 kg per "
              "hectare), placed in the planting hole and mixed with soil so that it does not "
              "touch the seed. Top-dress with CAN or urea at 50 kg per acre when the maize is "
              "knee high, about 4 to 6 weeks after emergence, and only when the soil is moist. "
              "On acidic soils, apply agricultural lime according to a soil test, and use "
              "well-rotted manure or compost to improve soil structure and water holding."),
        ("h1", "Weed Control"),
        ("p", "The first 6 weeks after emergence are the critical period: weeds growing "
              "with young maize can halve the yield. Weed twice, at about 3 and 6 weeks, by "
              "hand hoe or with a herbicide approved for maize. Striga, a parasitic weed of "
              "the lake basin, is best controlled with Striga-tolerant varieties, rotation "
              "with legumes, and the push-pull system using desmodium and Napier grass."),
        ("h1", "Pests and Diseases"),
        ("h2", "Fall armyworm"),
        ("p", "Fall armyworm arrived in Kenya in 2016 and is now present in all maize-growing "
              "areas. Scout the crop twice a week from emergence, looking for window-pane "
              "damage and fresh frass in the funnel. Treat when more than 10 percent of plants "
              "show fresh damage, using a recommended insecticide or a biopesticide applied "
              "into the funnel early in the morning or late in the evening."),
        ("h2", "Maize lethal necrosis"),
        ("p", "Maize lethal necrosis (MLN) is caused by a combination of two viruses spread "
              "by insects and through infected seed. Use certified seed, rotate maize with "
              "beans, potatoes or other non-cereal crops, avoid planting maize continuously "
              "through the year, and uproot and destroy infected plants early."),
        ("h2", "Stalk borers"),
        ("p", "Stalk borers damage the funnel and tunnel into the stems. Early planting, "
              "destruction of crop residues after harvest, and push-pull reduce their numbers."),
        ("h2", "Leaf diseases"),
        ("p", "Grey leaf spot and northern leaf blight are common in cool, humid areas and "
              "can cut yields sharply when they reach the upper leaves before tasselling. "
              "Grow tolerant varieties, rotate crops, and bury or remove infected residues. "
              "Maize streak virus, spread by leafhoppers, is most serious in late-planted "
              "fields; early planting and resistant varieties are the main defence."),
        ("h1", "Intercropping and Rotation"),
        ("p", "Many farmers intercrop maize with beans, cowpeas or pigeon peas. Plant one "
              "row of beans between two rows of maize, or beans between maize plants in the "
              "row, without reducing the maize population. Legumes add nitrogen, cover the "
              "soil, and provide food and income before the maize is ready. Rotating maize "
              "with legumes, potatoes or root crops breaks the cycle of maize pests and "
              "diseases and improves the response to fertilizer in the following season."),
        ("h1", "Harvesting and Storage"),
        ("p", "Harvest when the husks have dried and the grain is hard. Dry cobs quickly off "
              "the ground on a raised crib or tarpaulin, and shell only when the grain is dry. "
              "Grain must be dried to 13 percent moisture or less before storage to prevent "
              "moulds that produce aflatoxin, a poison that damages the liver and cannot be "
              "removed by cooking. Sort out rotten, mouldy or insect-damaged grain, and store "
              "in hermetic bags or treated, clean sacks on pallets away from walls. Farmers in "
              "dry areas who grow drought-tolerant maize should store part of the harvest as "
              "seed only if the variety is open-pollinated."),
        ("h2", "Storage pests"),
        ("p", "The larger grain borer and the maize weevil can destroy a third of stored "
              "grain within a few months. Clean the store before the new harvest, use "
              "hermetic bags or an approved grain protectant at the recommended dose, and "
              "inspect stored grain every month. Never use cotton or vegetable pesticides on "
              "grain meant for food."),
        ("h1", "Keeping Records"),
        ("p", "Write down the variety, planting date, fertilizer rates, rainfall and yield "
              "for every field and season. Simple records show which practices pay on your "
              "farm and make it easier to obtain credit, crop insurance and good prices from "
              "buyers who want to know how the grain was produced."),
    ]
    return spec, blocks



def scan_image(lines, seed, size=(744, 1052), skew=0.35):
    """Render lines of text onto a white greyscale image that looks like a scan.

    lines: list of (kind, text) with kind in title/sub/text/rule/row/gap."""
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    ft = ImageFont.truetype(os.path.join(DEJAVU, "DejaVuSerif-Bold.ttf"), 22)
    fs = ImageFont.truetype(os.path.join(DEJAVU, "DejaVuSerif-Bold.ttf"), 16)
    fb = ImageFont.truetype(os.path.join(DEJAVU, "DejaVuSerif.ttf"), 14)
    x0, y = 70, 80
    for kind, text in lines:
        if kind == "title":
            d.text((x0, y), text, fill=25, font=ft)
            y += 36
        elif kind == "sub":
            d.text((x0, y), text, fill=30, font=fs)
            y += 28
        elif kind == "text":
            d.text((x0, y), text, fill=35, font=fb)
            y += 22
        elif kind == "rule":
            d.line((x0, y + 4, size[0] - x0, y + 4), fill=60, width=2)
            y += 14
        elif kind == "row":  # table row: cells separated by "|"
            cells = text.split("|")
            widths = [150, 110, size[0] - 2 * x0 - 260]
            x = x0
            d.line((x0, y, size[0] - x0, y), fill=70, width=1)
            for cell, wdt in zip(cells, widths):
                d.text((x + 6, y + 5), cell.strip(), fill=35, font=fb)
                d.line((x, y, x, y + 26), fill=70, width=1)
                x += wdt
            d.line((size[0] - x0, y, size[0] - x0, y + 26), fill=70, width=1)
            y += 26
            d.line((x0, y, size[0] - x0, y), fill=70, width=1)
        elif kind == "gap":
            y += int(text)
    rng = random.Random(seed)
    for _ in range(350):  # dust and speckle
        px, py = rng.randrange(size[0]), rng.randrange(size[1])
        d.point((px, py), fill=rng.randrange(90, 200))
    img = img.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
    return img


SN_SCAN = [
    ("title", "ANNEXE \u2014 FICHE DE SUIVI PARCELLAIRE"),
    ("sub", "Mil souna \u2014 campagne d\u2019hivernage 2023"),
    ("rule", ""),
    ("text", "R\u00e9gion : Kaolack        D\u00e9partement : Kaolack        Village : Ndiaffate"),
    ("text", "Parcelle : P-07 (1,5 ha, sol sableux \u00ab dior \u00bb)    Pr\u00e9c\u00e9dent : arachide"),
    ("text", "Vari\u00e9t\u00e9 : Souna 3        Semences : 4 kg/ha, trait\u00e9es au fongicide"),
    ("text", "Premi\u00e8re pluie utile : 24 mm le 6 juillet 2023"),
    ("gap", "14"),
    ("row", "Op\u00e9ration | Date | Observations"),
    ("row", "Semis | 08/07 | poquets \u00e0 90 cm x 90 cm"),
    ("row", "Lev\u00e9e | 12/07 | homog\u00e8ne, peu de manquants"),
    ("row", "1er sarclage | 22/07 | houe sine, enherbement faible"),
    ("row", "D\u00e9mariage | 28/07 | 3 plants par poquet"),
    ("row", "Ur\u00e9e (1re dose) | 28/07 | 50 kg/ha, sol humide"),
    ("row", "2e sarclage | 10/08 | buttage l\u00e9ger"),
    ("row", "Ur\u00e9e (2e dose) | 18/08 | 50 kg/ha \u00e0 la montaison"),
    ("row", "\u00c9piaison | 30/08 | mineuse de l\u2019\u00e9pi : d\u00e9g\u00e2ts faibles"),
    ("row", "R\u00e9colte | 05/10 | \u00e9pis s\u00e9ch\u00e9s sur aire"),
    ("gap", "18"),
    ("text", "Pluviom\u00e9trie cumul\u00e9e (juillet \u2013 septembre) : 612 mm"),
    ("text", "Rendement estim\u00e9 : 1 150 kg de grain par hectare"),
    ("text", "Remarques : quelques attaques d\u2019oiseaux en fin de cycle ; pas de mildiou."),
    ("gap", "40"),
    ("text", "Visa du technicien : ______________        Date : 12/10/2023"),
]


def doc_sn_mil():
    spec = dict(
        file="sn-mil-fr.pdf", language="fr", lang_tag="fr-SN", pagesize=A4, margin=68,
        title="Culture du mil au S\u00e9n\u00e9gal",
        short_title="Culture du mil au S\u00e9n\u00e9gal",
        author="Institut S\u00e9n\u00e9galais de Recherches Agricoles (document d\u2019exemple)",
        subject="Fiche technique pour la culture du mil souna dans le bassin arachidier du "
                "S\u00e9n\u00e9gal",
        keywords="mil, mil souna, S\u00e9n\u00e9gal, Kaolack, bassin arachidier, semis, "
                 "fertilisation, mineuse de l\u2019\u00e9pi",
        header_right="ISRA \u2013 exemple",
        footer_left="Fiche technique d\u2019exemple n\u00ba 7 \u00b7 ISRA",
        issue_line="Fiche technique d\u2019exemple n\u00ba 7 \u00b7 Juin 2024",
        date="20240610100000+00'00'", primary_region="SN",
        mentions=["S\u00e9n\u00e9gal", "Kaolack", "Kaffrine", "Fatick", "Diourbel",
                  "bassin arachidier"],
        image_text=["Ndiaffate", "Kaolack", "Souna 3"],
        scan_pages=[2],
    )
    blocks = [
        ("title", "Culture du mil au S\u00e9n\u00e9gal",
         "Guide pratique pour le bassin arachidier \u2014 mil souna"),
        ("space", 6),
        ("h1", "Le mil dans le bassin arachidier"),
        ("p", "Le mil (Pennisetum glaucum) est la premi\u00e8re c\u00e9r\u00e9ale pluviale du "
              "S\u00e9n\u00e9gal. Il est cultiv\u00e9 surtout dans le bassin arachidier, qui couvre les "
              "r\u00e9gions de Kaolack, Kaffrine, Fatick et Diourbel, o\u00f9 il alterne avec "
              "l\u2019arachide. La pluviom\u00e9trie y varie de 500 mm au nord \u00e0 plus de 800 mm au "
              "sud, concentr\u00e9e sur un hivernage de juillet \u00e0 octobre. Le mil souna, \u00e0 "
              "cycle court, est le plus r\u00e9pandu ; il supporte bien les sols sableux "
              "pauvres et les s\u00e9quences s\u00e8ches, mais ses rendements d\u00e9pendent "
              "beaucoup de la date de semis et de la fertilisation."),
        ("h1", "Choix des vari\u00e9t\u00e9s"),
        ("p", "Les vari\u00e9t\u00e9s recommand\u00e9es par la recherche ont un cycle de 75 \u00e0 95 "
              "jours. Souna 3 reste une r\u00e9f\u00e9rence pour la zone centre ; IBV 8004 et "
              "Thialack 2 sont appr\u00e9ci\u00e9es pour leurs \u00e9pis bien remplis, et Chakti, plus "
              "pr\u00e9coce, convient aux zones o\u00f9 l\u2019hivernage est court. Utilisez des "
              "semences certifi\u00e9es ou, \u00e0 d\u00e9faut, des \u00e9pis s\u00e9lectionn\u00e9s au champ "
              "sur des plantes saines et vigoureuses."),
        ("h1", "Pr\u00e9paration du sol et semis"),
        ("p", "Un labour n\u2019est pas n\u00e9cessaire sur les sols sableux (dior) ; un grattage "
              "superficiel ou un passage de houe suffit. Semez d\u00e8s la premi\u00e8re pluie utile, "
              "c\u2019est-\u00e0-dire une pluie d\u2019au moins 20 mm, g\u00e9n\u00e9ralement entre la fin "
              "juin et la mi-juillet. Le semis \u00e0 sec, quelques jours avant les premi\u00e8res "
              "pluies, permet de gagner du temps mais expose au risque de faux d\u00e9part de "
              "l\u2019hivernage. L\u2019\u00e9cartement recommand\u00e9 est de 90 cm sur 90 cm, soit "
              "environ 12 000 poquets par hectare, avec 3 \u00e0 5 kg de semences trait\u00e9es par "
              "hectare. Proc\u00e9dez au d\u00e9mariage \u00e0 3 plants par poquet 15 \u00e0 20 jours "
              "apr\u00e8s la lev\u00e9e."),
        ("h1", "Fertilisation"),
        ("p", "Apportez si possible 5 tonnes de fumier ou de compost par hectare tous les "
              "deux ou trois ans. La fumure min\u00e9rale recommand\u00e9e comprend 150 kg de NPK "
              "15-15-15 par hectare au semis ou au premier sarclage, puis 50 kg d\u2019ur\u00e9e au "
              "d\u00e9mariage et 50 kg \u00e0 la montaison. L\u2019ur\u00e9e doit \u00eatre enfouie sur sol "
              "humide pour limiter les pertes."),
        ("template", "scan"), ("pagebreak",), ("template", "one"),
        ("scan", scan_image(SN_SCAN, seed=7)),
        ("h1", "Entretien de la culture"),
        ("p", "Effectuez deux \u00e0 trois sarclages : le premier 8 \u00e0 10 jours apr\u00e8s la "
              "lev\u00e9e, le second 2 \u00e0 3 semaines plus tard, et un troisi\u00e8me si "
              "l\u2019enherbement le justifie. La houe sine \u00e0 traction animale permet de "
              "sarcler rapidement de grandes surfaces. Un l\u00e9ger buttage au deuxi\u00e8me "
              "sarclage am\u00e9liore l\u2019ancrage des plantes."),
        ("h1", "Protection de la culture"),
        ("p", "La mineuse de l\u2019\u00e9pi (Heliocheilus albipunctella) est le principal "
              "ravageur du mil. Les l\u00e2chers du parasito\u00efde Habrobracon hebetor, organis\u00e9s "
              "au niveau des villages, r\u00e9duisent fortement ses d\u00e9g\u00e2ts. Le mildiou "
              "(Sclerospora graminicola) se combat par le traitement des semences et "
              "l\u2019arrachage des plantes malades. Le Striga hermonthica, plante parasite, "
              "recule avec la rotation mil-arachide, la fumure organique et l\u2019arrachage "
              "avant floraison. En fin de cycle, prot\u00e9gez les \u00e9pis contre les oiseaux "
              "granivores par le gardiennage."),
        ("h1", "R\u00e9colte et conservation"),
        ("p", "R\u00e9coltez lorsque les grains sont durs, 85 \u00e0 95 jours apr\u00e8s le semis pour "
              "le mil souna. S\u00e9chez les \u00e9pis sur une aire propre avant le battage, puis "
              "stockez le grain bien sec dans des greniers ou des sacs herm\u00e9tiques. Un mil "
              "bien conduit donne 800 \u00e0 1 500 kg par hectare, et jusqu\u2019\u00e0 2 tonnes dans "
              "les meilleures conditions. La fiche de suivi reproduite en annexe montre un "
              "exemple de calendrier cultural enregistr\u00e9 dans la r\u00e9gion de Kaolack."),
    ]
    return spec, blocks


def doc_general_soil():
    spec = dict(
        file="general-soil-testing.pdf", language="en", lang_tag="en", pagesize=letter,
        margin=72,
        title="Soil Sampling and Testing: A Practical Guide",
        short_title="Soil Sampling and Testing",
        author="AgriQA Sample Extension Library",
        subject="How to collect soil samples, what laboratory soil tests measure, and how to "
                "use the results for lime and fertilizer decisions",
        keywords="soil testing, soil sampling, pH, lime, phosphorus, potassium, nitrogen, "
                 "fertilizer recommendations",
        header_right="AgriQA Sample Extension Library",
        footer_left="Sample Guide AGQ-900 \u00b7 not tied to any location",
        issue_line="Sample Guide AGQ-900 \u00b7 May 2024",
        date="20240520140000+00'00'", primary_region=None,
        mentions=[],
        false_friends=["Colorado potato beetle", "Japanese beetle", "Kentucky bluegrass",
                       "Bermuda grass", "Canada thistle", "Indian corn", "turkey",
                       "Mexican bean beetle"],
    )
    blocks = [
        ("title", "Soil Sampling and Testing: A Practical Guide",
         "Collecting good samples and turning laboratory results into decisions"),
        ("space", 6),
        ("h1", "1 Why Test Soil"),
        ("p", "A soil test is the least expensive input on most farms and one of the most "
              "valuable. It tells you whether lime is needed, which nutrients are likely to "
              "limit yield, and where fertilizer can be reduced without risk. Regular testing "
              "also shows whether fertility is building up or running down over time, which "
              "is difficult to judge from crop appearance alone."),
        ("h2", "1.1 What a Soil Test Measures"),
        ("p", "Routine tests report soil pH, buffer pH or lime requirement, extractable "
              "phosphorus and potassium, organic matter, and often calcium, magnesium and "
              "cation exchange capacity. Many laboratories also offer sulfur, zinc, boron and "
              "other micronutrients on request. The numbers are indexes of availability, not "
              "total amounts, and they are only meaningful when interpreted with the "
              "calibration data used by the laboratory."),
        ("h3", "1.1.1 pH and lime requirement"),
        ("p", "Soil pH controls the availability of most nutrients and the activity of soil "
              "organisms. Most field crops grow best between pH 6.0 and 7.0, while legumes "
              "such as alfalfa prefer the upper part of that range. The buffer pH estimates "
              "how much lime is needed to raise the pH to the target value; two soils with "
              "the same pH can need very different amounts of lime."),
        ("h3", "1.1.2 Phosphorus and potassium"),
        ("p", "Phosphorus and potassium tests are calibrated against crop response. Use the "
              "extraction method that matches your soil: the Mehlich-3 and Bray-1 tests suit "
              "acid and neutral soils, while the Olsen bicarbonate test is used on calcareous "
              "soils. Results from different methods cannot be compared directly."),
        ("h1", "2 Collecting a Sample"),
        ("h2", "2.1 When to Sample"),
        ("p", "Sample at the same time of year each time, so that results can be compared "
              "over the years. Late summer and fall after harvest are convenient for most "
              "field crops. Avoid sampling shortly after applying lime, manure or fertilizer, "
              "and allow at least a few months after liming before testing again."),
        ("h2", "2.2 How Deep and How Many Cores"),
        ("p", "Each sample should represent an area managed as a unit, normally no larger "
              "than 10 to 20 acres. Collect 15 to 20 cores in a zigzag pattern across the "
              "area, mix them thoroughly in a clean plastic bucket, and send about one pint "
              "of the mixture to the laboratory. Sample separately any area that differs in "
              "soil type, slope, cropping history or yield."),
        ("h3", "2.2.1 Tilled fields"),
        ("p", "In fields that are ploughed or disked, sample to the depth of tillage, "
              "usually 6 to 8 inches, because tillage mixes lime and fertilizer through that "
              "layer."),
        ("h3", "2.2.2 No-till fields and pastures"),
        ("p", "Without tillage, lime and fertilizer accumulate near the surface and acidity "
              "develops in the top few inches. Take a standard 0 to 6 inch sample for "
              "fertilizer decisions and a separate 0 to 2 inch sample to check surface pH. "
              "For nitrate tests in dry regions, deeper samples in one- or two-foot "
              "increments are needed."),
        ("h2", "2.3 Handling the Sample"),
        ("p", "Remove stones and plant residue, air-dry the soil at room temperature if it "
              "cannot be shipped the same day, and never dry it in an oven. Label each bag "
              "clearly and keep a map of where every sample was taken so that the results "
              "can be traced back to the field."),
        ("h1", "3 Reading the Report"),
        ("h2", "3.1 Sufficiency Ranges"),
        ("p", "Most reports place each nutrient in a category such as very low, low, "
              "optimum, high or very high. The categories come from field trials that "
              "measured how often a crop responded to added fertilizer."),
        ("h3", "3.1.1 Low, optimum and high categories"),
        ("p", "In the low categories a yield response to fertilizer is likely and the "
              "recommended rate builds the soil level over several years. In the optimum "
              "range a small maintenance rate replaces what the crop removes. In the high "
              "categories a response is unlikely and fertilizer can usually be omitted for "
              "a year or more."),
        ("h2", "3.2 Turning Results into Recommendations"),
        ("p", "Combine the soil test with a realistic yield goal, the previous crop, manure "
              "applications, and the crop to be grown. Nitrogen recommendations are usually "
              "based on yield goals or economic response models rather than a routine soil "
              "test, except where a nitrate test is calibrated for local conditions."),
        ("h1", "4 Soil Fertility and Pest Problems"),
        ("p", "A soil test does not detect insects, diseases or weeds, but fertility "
              "strongly affects how a crop copes with them. Potatoes short of nitrogen "
              "cannot outgrow defoliation by the Colorado potato beetle, and lawns of "
              "Kentucky bluegrass or Bermuda grass that are low in potassium recover slowly "
              "from the root feeding of Japanese beetle grubs. Canada thistle and other "
              "perennial weeds tend to take over pastures where low pH and poor fertility "
              "weaken the grass stand. Manganese deficiency in snap beans and soybeans can "
              "be mistaken for the lacy leaf damage caused by the Mexican bean beetle, so "
              "inspect the field closely before deciding on a cause."),
        ("p", "Turkey litter and other poultry manures are rich in phosphorus, and fields "
              "that receive them year after year often test very high. Sample those fields, "
              "the paddocks where a small flock of turkeys is kept, and any plot of Indian "
              "corn grown for ornamental sale separately from the rest of the farm, because "
              "their fertility history is different."),
    ]
    return spec, blocks


def doc_us_ga_peanut():
    spec = dict(
        file="us-ga-peanut.pdf", language="en", lang_tag="en-US", pagesize=letter, margin=72,
        title="Peanut Production Guide for Georgia",
        short_title="Georgia Peanut Production Guide",
        author="University of Georgia Cooperative Extension",
        subject="Planting, fertility, irrigation, disease and insect management and digging "
                "decisions for peanuts in Georgia",
        keywords="peanut, Georgia, Tifton, Sumter County, tomato spotted wilt, leaf spot, "
                 "white mold, gypsum, irrigation",
        header_right="UGA Cooperative Extension",
        footer_left="UGA Cooperative Extension \u00b7 Sample Bulletin AGQ-615",
        issue_line="Sample Bulletin AGQ-615 \u00b7 March 2024",
        date="20240301150000+00'00'", primary_region="US-GA",
        mentions=["Georgia", "Tifton", "Sumter County", "Americus", "southwest Georgia"],
    )
    blocks = [
        ("title", "Peanut Production Guide for Georgia",
         "Field selection, planting, fertility, irrigation and pest management"),
        ("space", 6),
        ("h1", "Peanuts in Georgia"),
        ("p", "Georgia grows close to half of the peanuts produced in the United States, "
              "most of them runner-type peanuts used for peanut butter. Production is "
              "concentrated on the sandy Coastal Plain soils of south and southwest Georgia, "
              "from Sumter County and the Americus area south to the Florida line. Research "
              "and variety trials at the University of Georgia campus in Tifton provide the "
              "basis for most of the recommendations in this bulletin."),
        ("h1", "Field Selection and Rotation"),
        ("p", "Choose well-drained, loamy sand or sandy loam soils that allow pods to be dug "
              "cleanly. Rotation is the single most important practice for peanut disease "
              "and nematode control: plant peanuts no more than one year in three, and rotate "
              "with corn, cotton or grass crops. Fields planted to peanuts every other year "
              "typically show more leaf spot, white mold and root-knot nematode damage, and "
              "yields decline steadily even with a full fungicide program."),
        ("h1", "Planting"),
        ("h2", "Planting date"),
        ("p", "Plant when the soil temperature at 4 inches is at least 68\u00b0F for three "
              "consecutive days and warm weather is forecast. In most of Georgia the best "
              "window runs from late April through the middle of May. Fields planted in this "
              "window have lower tomato spotted wilt risk than those planted in early April, "
              "and they are harvested before the cool, wet weather of late October."),
        ("h2", "Seeding rate and row pattern"),
        ("p", "Plant 6 seeds per foot of row to obtain a final stand of at least 4 plants "
              "per foot. Twin rows spaced 7 to 9 inches apart on 36-inch beds reduce tomato "
              "spotted wilt and often increase yield compared with single rows at the same "
              "seeding rate. Plant 1.5 to 2 inches deep, and slightly deeper in dry, sandy "
              "soil. Use an inoculant on fields with no recent history of peanuts."),
        ("h1", "Soil Fertility and Calcium"),
        ("p", "Peanuts usually respond little to direct nitrogen, phosphorus or potassium "
              "fertilizer when the previous crop was well fertilized, but they need adequate "
              "calcium in the pegging zone for pod fill. Apply gypsum (land plaster) at early "
              "bloom at 1,000 pounds per acre to all seed fields and to runner peanuts when "
              "the soil test calcium in the top 3 inches is below about 500 pounds per acre. "
              "Keep soil pH between 5.8 and 6.2, and apply boron where soil tests are low."),
        ("h1", "Irrigation"),
        ("p", "Peanut water use peaks at 0.25 to 0.30 inches per day during pod fill, from "
              "about 60 to 110 days after planting. Irrigated peanuts need roughly 1.5 to 2 "
              "inches of water per week in that period, counting rainfall. Irrigation "
              "scheduling tools based on soil moisture sensors or checkbook methods reduce "
              "over-watering, which favors white mold, while preventing the drought stress "
              "that invites aflatoxin contamination and lesser cornstalk borer damage."),
        ("h1", "Disease and Insect Management"),
        ("h2", "Tomato spotted wilt"),
        ("p", "Tomato spotted wilt virus is spread by thrips. No single practice controls "
              "it; instead, combine resistant varieties, planting in mid-May, twin rows, "
              "adequate plant stands, and an in-furrow insecticide. The Peanut Rx risk index "
              "adds up the points for each practice and helps growers see which fields are "
              "at highest risk."),
        ("h2", "Leaf spot and white mold"),
        ("p", "Early and late leaf spot are controlled with a protective fungicide program "
              "that normally begins 30 to 40 days after planting and continues at 14-day "
              "intervals. White mold, also called stem rot, develops in hot weather near the "
              "soil surface; apply fungicides that move into the lower canopy, ideally at "
              "night or just before irrigation."),
        ("h2", "Thrips and other insects"),
        ("p", "Thrips injure young leaves and transmit spotted wilt. In hot, dry years, "
              "scout for lesser cornstalk borer, burrower bugs and spider mites, which can "
              "cause sudden losses in non-irrigated fields."),
        ("h1", "Determining Maturity and Digging"),
        ("p", "Runner peanuts usually reach maturity 130 to 150 days after planting. Use the "
              "hull-scrape method and a peanut profile board on a sample of pods from each "
              "field to estimate the optimum digging date, and dig when about 70 percent of "
              "the pods show mature colors. Digging too early reduces yield and grade, while "
              "digging too late leads to pod shedding. County Extension agents in Sumter "
              "County and elsewhere offer pod blasting clinics during the digging season."),
    ]
    return spec, blocks



# ==========================================================================
# Farmer question records
# ==========================================================================
def R(id_, question, answer, country, state, district, crop, season, date, region):
    rec = OrderedDict([("id", id_), ("question", question), ("answer", answer),
                       ("country", country), ("state", state), ("district", district),
                       ("crop", crop), ("season", season), ("date", date)])
    return rec, region


RECORDS = [
    R("rec-001", "When should I seed winter wheat after lentils on my farm near Pullman?",
      "On the Palouse, seed winter wheat from late September to mid-October, after the "
      "lentil harvest. Aim for emergence before the end of October so the crop reaches the "
      "three-leaf stage before the ground freezes. If you are planting after mid-October, "
      "raise the seeding rate by 10 to 15 percent.",
      "US", "Washington", "Whitman County", "wheat", "fall", "2023-09-12", "US-WA"),
    R("rec-002", "Stripe rust showed up on my soft white wheat in early May. Is it worth "
      "spraying?",
      "Yes, if the variety is susceptible and the rust is active on the upper leaves before "
      "or at flag leaf emergence, a foliar fungicide usually pays in the high-rainfall zone. "
      "Resistant varieties rarely need treatment this early. Check the current rust forecast "
      "and the label pre-harvest interval before you spray.",
      "US", "Washington", "Whitman County", "wheat", "spring", "2024-05-06", "US-WA"),
    R("rec-003", "How many pounds of seed per acre should I use for winter wheat planted late "
      "in October?",
      "Base the rate on seeds per acre: about 1.2 to 1.4 million seeds per acre for late "
      "planting in the high-rainfall zone. With 13,000 seeds per pound that is roughly 95 to "
      "110 pounds per acre. Late fields tiller less, so the extra seed makes up for it.",
      "US", "Washington", "Spokane County", "wheat", "fall", "2023-10-18", "US-WA"),
    R("rec-004", "Is my summer fallow holding enough moisture to seed wheat in late August?",
      "Dig in several spots and check that moist soil lies within reach of your deep-furrow "
      "drill, usually 4 to 6 inches below the surface. If the seed zone is dry, waiting for "
      "rain risks poor stands, while seeding deeper than the coleoptile can reach will fail. "
      "Varieties with long coleoptiles give more flexibility.",
      "US", "Washington", None, "wheat", "summer", "2023-08-21", "US-WA"),
    R("rec-005", "What soil temperature do I need before planting corn in central Iowa?",
      "Corn germinates slowly below 50\u00b0F, so wait until the two-inch soil temperature is "
      "near 50\u00b0F and rising. Check the forecast too: a cold rain in the first 48 hours "
      "after planting can cause chilling injury and uneven emergence.",
      "US", "Iowa", "Story County", "corn", "spring", "2024-04-15", "US-IA"),
    R("rec-006", "How many soybean seeds per acre should I plant in 30-inch rows?",
      "Plant about 130,000 to 140,000 seeds per acre in 30-inch rows to reach a final stand of "
      "100,000 to 120,000 plants. Higher rates rarely pay unless you plant late or into a "
      "poor seedbed.",
      "US", "Iowa", "Story County", "soybean", "spring", "2024-04-28", "US-IA"),
    R("rec-007", "How much nitrogen does corn need after soybean?",
      "At typical corn and nitrogen prices, the maximum return to nitrogen rate for corn "
      "following soybean in Iowa is about 140 to 150 pounds of N per acre. Corn following "
      "corn needs roughly 50 pounds more. A late-spring nitrate test above 25 ppm means no "
      "extra nitrogen is needed.",
      "US", "Iowa", None, "corn", "spring", "2024-03-30", "US-IA"),
    R("rec-008", "I am finding soybean aphids. At what point should I spray?",
      "Treat when the average reaches 250 aphids per plant, at least 80 percent of plants are "
      "infested, and numbers are still increasing. Spraying below this threshold rarely pays "
      "and kills the lady beetles that keep aphids in check.",
      "US", "Iowa", "Sioux County", "soybean", "summer", "2023-07-24", "US-IA"),
    R("rec-009", "Should I cut back irrigation on my almonds during hull split?",
      "Yes. A mild deficit of about 75 to 80 percent of crop water use for two to three weeks "
      "from the start of hull split speeds hull opening and reduces hull rot. Keep stem water "
      "potential around -14 to -18 bars and return to full irrigation afterwards.",
      "US", "California", "Fresno County", "almond", "summer", "2023-07-03", "US-CA"),
    R("rec-010", "What pressure chamber reading means my almond trees need water?",
      "Well-watered almond trees read about -6 to -10 bars at midday. Readings of -14 to -18 "
      "bars show moderate stress, and anything below -20 bars risks leaf drop and a smaller "
      "crop next year. Measure a bagged, shaded leaf near the trunk between noon and 3 p.m.",
      "US", "California", "Fresno County", "almond", "summer", "2024-06-19", "US-CA"),
    R("rec-011", "Do almond trees still need water after the harvest is finished?",
      "Yes. Next year's flower buds form in late summer and fall, so irrigate fully from the "
      "end of harvest until leaf fall. Trees that drop leaves early from postharvest stress "
      "bloom less the next spring.",
      "US", "California", None, "almond", "fall", "2023-09-25", "US-CA"),
    R("rec-012", "How much seed do I need for a samba rice nursery for one hectare?",
      "Use about 30 kg of certified seed for long-duration samba varieties, sown in a nursery "
      "of 20 cents (about 800 square metres). Soak the seed for 24 hours and incubate it for "
      "another 24 hours before sowing.",
      "IN", "Tamil Nadu", "Thanjavur", "rice", "samba", "2023-08-10", "IN-TN"),
    R("rec-013", "How should I split nitrogen for long-duration samba paddy?",
      "Apply 150 kg of nitrogen per hectare in four equal doses: basal, active tillering, "
      "panicle initiation and first flowering. Use the leaf colour chart to fine-tune top "
      "dressings, applying nitrogen when readings fall below 4.",
      "IN", "Tamil Nadu", "Thanjavur", "rice", "samba", "2023-09-05", "IN-TN"),
    R("rec-014", "My paddy field is under water after the cyclone rains. What should I do?",
      "Drain the field as quickly as possible through the field channels; standing water "
      "above 10 cm for several days causes rotting and lodging. Once the water recedes, "
      "top-dress a little nitrogen and potassium and watch closely for bacterial leaf blight "
      "and sheath blight.",
      "IN", "Tamil Nadu", "Tiruvarur", "rice", "samba", "2023-11-28", "IN-TN"),
    R("rec-015", "The young rice leaves have rusty brown spots and the crop is stunted. Why?",
      "This is typical of zinc deficiency, common in the delta soils. Apply zinc sulphate at "
      "25 kg per hectare, or spray 0.5 percent zinc sulphate on the standing crop, and include "
      "zinc in the basal dose next season.",
      "India", "Tamil Nadu", None, "rice", "samba", "2024-09-14", "IN-TN"),
    R("rec-016", "Quando devo come\u00e7ar a semeadura da soja em Sorriso?",
      "Comece logo ap\u00f3s o fim do vazio sanit\u00e1rio, em meados de setembro, mas s\u00f3 "
      "depois de um acumulado de 40 a 50 mm de chuva. Semear at\u00e9 o fim de outubro permite "
      "colher a tempo de plantar o milho safrinha.",
      "BR", "Mato Grosso", "Sorriso", "soja", "safra 2024/25", "2024-09-02", "BR-MT"),
    R("rec-017", "When should I start fungicide sprays for Asian soybean rust?",
      "Start preventive sprays around canopy closure or as soon as regional alerts report rust "
      "nearby. Rotate modes of action and include a multisite fungicide in each application "
      "to slow resistance.",
      "BR", "Mato Grosso", "Sorriso", "soybean", "summer", "2023-12-04", "BR-MT"),
    R("rec-018", "Can I still plant safrinha corn after a soybean crop harvested in late "
      "February?",
      "It is possible but risky, because the rains usually end in April and late-sown corn "
      "may suffer drought at grain filling. Choose an early hybrid, plant immediately after "
      "harvest, and reduce fertilizer investment to match the lower yield potential.",
      "BR", "Mato Grosso", "Sinop", "corn", "safrinha", "2024-02-26", "BR-MT"),
    R("rec-019", "Do I need to inoculate soybean seed on land that has grown soy for years?",
      "Yes. Inoculating with Bradyrhizobium every season is cheap and usually raises yield, "
      "even in old soybean fields. Treat and inoculate the seed in the shade and plant the "
      "same day.",
      "Brazil", None, None, "soybean", None, "2024-08-15", "BR"),
    R("rec-020", "How much fertilizer should I apply to maize per acre?",
      "Where there is no soil test, apply 50 kg of DAP or NPK 23:23:0 per acre at planting and "
      "top-dress with 50 kg of CAN or urea per acre when the maize is knee high. Apply the top "
      "dressing only when the soil is moist.",
      "KE", None, None, "maize", "long rains", "2024-03-08", "KE"),
    R("rec-021", "Worms are eating the funnel of my young maize. What can I do?",
      "This is probably fall armyworm. Scout twice a week and treat when more than 10 percent "
      "of plants show fresh damage, using a recommended insecticide or biopesticide aimed "
      "into the funnel early in the morning or in the evening.",
      "Kenya", None, None, "maize", "short rains", "2023-11-02", "KE"),
    R("rec-022", "My maize leaves are yellowing from the edges and the plants are dying. Could "
      "this be MLN?",
      "Maize lethal necrosis starts as yellow streaks and dries the plant from the edges "
      "inward. Uproot and destroy affected plants, plant certified seed next season, and "
      "rotate with beans or potatoes instead of growing maize back to back.",
      "KE", "Trans Nzoia County", None, "maize", "long rains", "2024-05-20", "KE"),
    R("rec-023", "Which maize varieties should I grow where the rains are short?",
      "Choose early-maturing, drought-tolerant hybrids or open-pollinated varieties released "
      "for dry areas. They mature before the rains end and still yield when the season is "
      "short. Use wider spacing so each plant has more water.",
      "KE", None, None, "maize", "short rains", "2023-09-28", "KE"),
    R("rec-024", "Quand faut-il semer le mil souna \u00e0 Kaolack ?",
      "Semez d\u00e8s la premi\u00e8re pluie utile d\u2019au moins 20 mm, g\u00e9n\u00e9ralement entre la "
      "fin juin et la mi-juillet. Utilisez un \u00e9cartement de 90 cm sur 90 cm et d\u00e9mariez "
      "\u00e0 3 plants par poquet deux \u00e0 trois semaines apr\u00e8s la lev\u00e9e.",
      "SN", "Kaolack", None, "mil", "hivernage", "2023-06-29", "SN-KL"),
    R("rec-025", "When should I plant peanuts to reduce tomato spotted wilt?",
      "Plant from late April to mid-May once the 4-inch soil temperature has stayed above "
      "68\u00b0F for three days. Combine mid-May planting with twin rows, a good stand and a "
      "resistant variety to lower spotted wilt risk.",
      "US", "Georgia", "Sumter County", "peanut", "spring", "2024-04-22", "US-GA"),
    R("rec-026", "Do I need gypsum on my runner peanuts?",
      "Apply gypsum at early bloom if the calcium soil test in the pegging zone is below about "
      "500 pounds per acre, and always on seed peanuts. Calcium must be in the top few inches "
      "when pods are forming.",
      "US", "Georgia", "Tift County", "peanut", "summer", "2023-06-14", "US-GA"),
    R("rec-027", "How can I tell when my peanuts are ready to dig?",
      "Use the hull-scrape method on a sample of pods and place them on a profile board. Dig "
      "when about 70 percent of pods show mature colors, usually 130 to 150 days after "
      "planting for runner types.",
      "US", "Georgia", None, "peanut", "fall", "2023-09-08", "US-GA"),
    R("rec-028", "Our vineyard leaves are pale between the veins in late spring. What should "
      "we check first?",
      "Interveinal yellowing in vines on calcareous soils is usually lime-induced iron "
      "chlorosis. Test soil pH and lime content, avoid overwatering, and consider "
      "iron-chelate applications or a more tolerant rootstock for new plantings.",
      "GE", "Kakheti", None, "grape", "spring", "2024-05-30", "GE-KA"),
    R("rec-029", "How deep should I take soil samples for a fertilizer recommendation?",
      "In tilled fields sample to the tillage depth, usually 6 to 8 inches. In no-till fields "
      "and pastures take a standard 0 to 6 inch sample and a separate 0 to 2 inch sample to "
      "check surface acidity. Collect 15 to 20 cores per sample and mix them well.",
      None, None, None, None, None, "2024-02-05", None),
    R("rec-030", "What is a safe moisture content for storing shelled grain?",
      "Most cereal grain stores safely at 12 to 13 percent moisture or less; maize for "
      "long-term storage should be at 13 percent or below. Wetter grain heats, grows mould "
      "and can develop mycotoxins.",
      "IN", None, None, "maize", None, "2023-10-30", "IN"),
    R("rec-031", "How often should I test the soil on my farm?",
      "Every two to four years is enough for most fields, sampled at the same time of year "
      "so results can be compared. Test more often where you are building up nutrient levels "
      "or correcting acidity.",
      None, None, None, None, None, "2023-11-15", None),
]


# ==========================================================================
# Fixtures
# ==========================================================================
def make_encrypted(path):
    enc = StandardEncryption("secret", ownerPassword="agriqa-owner-secret", strength=128)
    c = rl_canvas.Canvas(path, pagesize=letter, invariant=1, encrypt=enc,
                         pageCompression=1)
    strip_preamble_font(c)
    c.setTitle("Confidential Sorghum Trial Summary")
    c.setAuthor("AgriQA Sample Extension Library")
    c.setSubject("Encrypted test fixture (user password: secret)")
    c.setKeywords("sorghum, variety trial, encrypted fixture")
    c.setCreator("AgriQA scripts/make-corpus.py")
    c.setDateFormatter(lambda *a: "D:20240101000000+00'00'")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 700, "Confidential Sorghum Trial Summary")
    c.setFont("Times-Roman", 11)
    y = 670
    for line in [
        "Grain sorghum entries were planted on 12 May at 90,000 seeds per acre in 30-inch rows.",
        "The three highest-yielding hybrids averaged 118 bushels per acre under dryland conditions.",
        "Sugarcane aphid counts stayed below threshold until the soft dough stage.",
        "This file is encrypted with the user password \u201csecret\u201d.",
        SAMPLE_LINE["en"],
    ]:
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()


def make_image_only(path):
    c = rl_canvas.Canvas(path, pagesize=letter, invariant=1, pageCompression=1)
    strip_preamble_font(c)
    c.setTitle("Scanned Field Notes")
    c.setAuthor("AgriQA Sample Extension Library")
    c.setSubject("Image-only test fixture: every page is a raster image with no text layer")
    c.setKeywords("scanned, image-only, fixture")
    c.setCreator("AgriQA scripts/make-corpus.py")
    c.setDateFormatter(lambda *a: "D:20240101000000+00'00'")
    pages = [
        [("title", "FIELD NOTES \u2014 COVER CROP TRIAL"), ("sub", "Sheet 1 of 2"), ("rule", ""),
         ("text", "Cereal rye drilled 20 Oct at 60 lb/acre after soybean harvest."),
         ("text", "Stand count 14 Nov: 22 plants per square foot, even emergence."),
         ("text", "Terminated 2 May with a roller-crimper at early flowering."),
         ("text", "Biomass at termination: about 2.8 tons dry matter per acre."),
         ("gap", "20"),
         ("text", "Sample document written for AgriQA testing.")],
        [("title", "FIELD NOTES \u2014 COVER CROP TRIAL"), ("sub", "Sheet 2 of 2"), ("rule", ""),
         ("row", "Plot | Treatment | Soybean yield (bu/acre)"),
         ("row", "101 | no cover | 58.4"),
         ("row", "102 | cereal rye | 56.9"),
         ("row", "103 | rye + clover | 57.7"),
         ("gap", "20"),
         ("text", "Weed density in rye plots was about half that of the check."),
         ("text", "Sample document written for AgriQA testing.")],
    ]
    W, H = letter
    for i, lines in enumerate(pages):
        img = scan_image(lines, seed=100 + i, size=(612, 792), skew=-0.3 if i else 0.25)
        c.drawImage(ImageReader(img), 0, 0, W, H)
        c.showPage()
    c.save()


# ==========================================================================
# Driver
# ==========================================================================
DOCS = [doc_us_wa_winter_wheat, doc_us_ia_corn_soybean, doc_us_ca_almond, doc_in_tn_rice,
        doc_br_mt_soja, doc_ke_maize, doc_sn_mil, doc_general_soil, doc_us_ga_peanut]

FEATURES = {
    "us-wa-winter-wheat.pdf": "two-column pages, cover page, page labels (i, 1, 2), running "
                              "header/footer, H1/H2 headings, table, hyphenation",
    "us-ia-corn-soybean.pdf": "two ruled tables, H1/H2 headings, header/footer, hyphenation",
    "us-ca-almond-irrigation.pdf": "ruled table, H1/H2 headings, header/footer",
    "in-tn-rice-samba.pdf": "ligature code points (U+FB00-FB03: \ufb00 \ufb01 \ufb02 \ufb03) in embedded DejaVu Sans, "
                            "H1 headings, header/footer, hyphenation",
    "br-mt-soja.pdf": "Portuguese text, Portuguese words hyphenated across lines, H1/H2 "
                      "headings, header/footer",
    "ke-maize.pdf": "country-level only, full-width title over two columns, two-column "
                    "pages, compound \"drought-tolerant\" broken at its own hyphen and also "
                    "unbroken, hyphenation, H1/H2 headings",
    "sn-mil-fr.pdf": "French text, image-only page 2 (scanned field sheet, no text layer), "
                     "hyphenation, H1 headings, header/footer on text pages",
    "general-soil-testing.pdf": "no location; three heading levels (1 / 1.1 / 1.1.1); "
                                "agricultural false friends (Colorado potato beetle, "
                                "Japanese beetle, Kentucky bluegrass, Bermuda grass, Canada "
                                "thistle, Indian corn, turkey, Mexican bean beetle)",
    "us-ga-peanut.pdf": "Georgia the US state (Tifton, Sumter County), H1/H2 headings, "
                        "header/footer",
}


def build_all():
    os.makedirs(CORPUS, exist_ok=True)
    os.makedirs(os.path.join(CORPUS, "records"), exist_ok=True)
    os.makedirs(FIXTURES, exist_ok=True)
    expected = OrderedDict()
    readme_rows = []
    for fn in DOCS:
        spec, blocks = fn()
        path = os.path.join(CORPUS, spec["file"])
        b = Bulletin(spec)
        n = b.build(path, blocks)
        ctx = CTX
        assert 2 <= n <= 4, (spec["file"], n)
        image_only = [p for p in range(1, n + 1) if ctx.templates.get(p) == "scan"]
        assert image_only == spec.get("scan_pages", []), (spec["file"], image_only)
        assert not (set(image_only) & ctx.text_pages)
        two_col = [p for p in range(1, n + 1) if {"colL", "colR"} <= ctx.frames[p]]
        hyph, seen = [], set()
        for _, w in ctx.hyph:
            if w not in seen:
                seen.add(w)
                hyph.append(w)
        e = OrderedDict()
        e["pages"] = n
        e["primary_region"] = spec["primary_region"]
        e["language"] = spec["language"]
        e["image_only_pages"] = image_only
        e["two_column_pages"] = two_col
        e["page_labels"] = [b.label_for(p) for p in range(1, n + 1)]
        e["page_labels_explicit"] = bool(spec.get("page_labels_spec"))
        e["title"] = spec["title"]
        e["author"] = spec["author"]
        e["subject"] = spec["subject"]
        e["keywords"] = spec["keywords"]
        e["creation_date"] = "%s-%s-%sT%s:%s:%sZ" % (
            spec["date"][0:4], spec["date"][4:6], spec["date"][6:8],
            spec["date"][8:10], spec["date"][10:12], spec["date"][12:14])
        e["sample_line"] = SAMPLE_LINE[spec["language"]]
        e["running_header"] = spec["short_title"]
        e["headings"] = [t for _, t, _ in ctx.headings]
        e["heading_levels"] = [OrderedDict([("level", l), ("text", t), ("page", p)])
                               for l, t, p in ctx.headings]
        e["hyphenated_words"] = hyph
        e["compound_hyphen_breaks"] = [w for w in hyph if "-" in w]
        e["ligature_words"] = sorted(ctx.lig_words)
        e["table_cells"] = spec.get("table_cells", [])
        e["mentions"] = spec.get("mentions", [])
        if spec.get("image_text"):
            e["image_page_text"] = spec["image_text"]  # visible only in the raster image
        if spec.get("false_friends"):
            e["false_friends"] = spec["false_friends"]
        expected[spec["file"]] = e
        readme_rows.append((spec, n))
    # Features that are checked, not just claimed.
    assert expected["us-wa-winter-wheat.pdf"]["two_column_pages"] == [2, 3]
    assert "drought-tolerant" in expected["ke-maize.pdf"]["hyphenated_words"]
    assert len(expected["in-tn-rice-samba.pdf"]["ligature_words"]) >= 10
    assert {l for l, _, _ in [(d["level"], 0, 0) for d in
            expected["general-soil-testing.pdf"]["heading_levels"]]} == {1, 2, 3}
    assert sum(len(v["image_only_pages"]) for v in expected.values()) == 1

    # US-WA table cells (cover page table)
    expected["us-wa-winter-wheat.pdf"]["table_cells"] = [
        "Annual precipitation", "less than 12 in", "High (Palouse)", "late Sept \u2013 mid Oct"]

    # records
    rec_path = os.path.join(CORPUS, "records", "farmer-questions.jsonl")
    with open(rec_path, "w", encoding="utf-8", newline="\n") as fh:
        for rec, _ in RECORDS:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    rec_exp = OrderedDict()
    for rec, region in RECORDS:
        country = region.split("-")[0] if region else None
        rec_exp[rec["id"]] = OrderedDict([("country", country), ("region", region)])
    expected["records/farmer-questions.jsonl"] = OrderedDict([
        ("count", len(RECORDS)),
        ("fields", ["id", "question", "answer", "country", "state", "district", "crop",
                    "season", "date"]),
        ("expected_regions", rec_exp),
    ])

    out = OrderedDict()
    out["_comment"] = ("Ground truth for the AgriQA sample corpus, generated by "
                       "scripts/make-corpus.py. Page numbers are 1-based physical pages. "
                       "hyphenated_words are the joined words (NFKC-normalized) that the "
                       "script broke across a line end; compound_hyphen_breaks lists those "
                       "broken at their own hyphen, which must be kept when joining. "
                       "page_labels are the labels a viewer shows; page_labels_explicit "
                       "says whether the PDF has a /PageLabels entry.")
    out.update(expected)
    with open(os.path.join(CORPUS, "expected.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

    make_encrypted(os.path.join(FIXTURES, "encrypted.pdf"))
    make_image_only(os.path.join(FIXTURES, "image-only.pdf"))
    write_readme(readme_rows, expected)
    for d in (CORPUS, FIXTURES):
        for dirpath, _, files in sorted(os.walk(d)):
            for name in sorted(files):
                fp = os.path.join(dirpath, name)
                print("%8d  %s" % (os.path.getsize(fp), os.path.relpath(fp, ROOT)))


LANG_NAME = {"en": "English", "pt": "Portuguese", "fr": "French"}


def write_readme(rows, expected):
    lines = [
        "# AgriQA sample corpus",
        "",
        "Small, synthetic corpus for testing AgriQA ingestion, geography tagging and "
        "retrieval. Every document is sample text written for AgriQA testing (plausible "
        "agronomy, not official advice); the institutions named are used as realistic "
        "publishers only.",
        "",
        "**Do not edit these files by hand.** Regenerate everything (byte-identical) with:",
        "",
        "```sh",
        "/usr/bin/python3 scripts/make-corpus.py",
        "```",
        "",
        "Requires Debian's `python3-reportlab` (3.6.12), `python3-pil` and "
        "`fonts-dejavu-core`. The script also writes `Tests/Fixtures/encrypted.pdf` and "
        "`Tests/Fixtures/image-only.pdf`.",
        "",
        "| File | Place | Language | Pages | Features exercised |",
        "|---|---|---|---|---|",
    ]
    for spec, n in rows:
        lines.append("| `%s` | %s | %s | %d | %s |" % (
            spec["file"], spec["primary_region"] or "none", LANG_NAME[spec["language"]], n,
            FEATURES[spec["file"]]))
    nrec = len(RECORDS)
    lines.append("| `records/farmer-questions.jsonl` | mixed (US-WA, US-IA, US-CA, IN-TN, "
                 "BR-MT, KE, SN-KL, US-GA, GE-KA, country-only, none) | English, Portuguese, "
                 "French | %d records | one JSON object per line: id, question, answer, "
                 "country, state, district, crop, season, date; `null` where unknown |" % nrec)
    lines.append("| `expected.json` | \u2014 | \u2014 | \u2014 | machine-readable ground truth "
                 "(see below) |")
    lines += [
        "",
        "Test fixtures (in `Tests/Fixtures/`, produced by the same script):",
        "",
        "| File | Purpose |",
        "|---|---|",
        "| `encrypted.pdf` | 1 page, RC4-128 encrypted, user password `secret`; cannot be "
        "opened without it |",
        "| `image-only.pdf` | 2 pages, each only a raster image; no text layer at all |",
        "",
        "## Notes",
        "",
        "- Every PDF has Title, Author (the publisher), Subject, Keywords and a fixed "
        "CreationDate/ModDate in its Info dictionary.",
        "- Running headers (short title, publisher) and footers (series, `Page N` / "
        "`P\u00e1gina N`) appear on every page except the image-only page of "
        "`sn-mil-fr.pdf`.",
        "- `us-wa-winter-wheat.pdf` has a `/PageLabels` entry: the cover is labelled `i`, "
        "then `1`, `2`. The footer prints the same labels.",
        "- Two-column pages: reading across the columns line by line produces nonsense; "
        "the correct order is the whole left column, then the right column.",
        "- Hyphenation is done by the script's own line breaker from small dictionaries, so "
        "the breaks are deterministic; `expected.json` lists the words that actually ended "
        "up broken. In `ke-maize.pdf`, `drought-tolerant` is broken at its own hyphen once "
        "and appears unbroken elsewhere; a naive de-hyphenator (including poppler's "
        "`pdftotext`) wrongly produces `droughttolerant`.",
        "- `in-tn-rice-samba.pdf` contains the ligature characters \ufb00 \ufb01 \ufb02 "
        "\ufb03 (U+FB00\u2013U+FB03) in its text layer; `ligature_words` in `expected.json` "
        "are given in NFKC-normalized form (e.g. `field`).",
        "- `general-soil-testing.pdf` has no location; the false friends it mentions must "
        "not make it location-specific.",
        "- Record `rec-028` is about Georgia the country (GE-KA, Kakheti) while "
        "`us-ga-peanut.pdf` and records `rec-025`\u2013`rec-027` are about the US state.",
        "",
        "## expected.json",
        "",
        "Per PDF: `pages`, `primary_region` (ISO 3166-2 or country code, `null` for none), "
        "`language`, `image_only_pages`, `two_column_pages` (1-based physical pages), "
        "`page_labels`, `page_labels_explicit`, `title`, `author`, `subject`, `keywords`, "
        "`creation_date`, `sample_line`, `running_header`, `headings` and `heading_levels`, "
        "`hyphenated_words`, `compound_hyphen_breaks`, `ligature_words`, `table_cells`, "
        "`mentions` (place names in the text) and, for the soil guide, `false_friends`. "
        "For the records file: `count`, `fields` and `expected_regions` (per record id, "
        "expected country and most specific region code, or `null`).",
        "",
    ]
    with open(os.path.join(CORPUS, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines))


if __name__ == "__main__":
    build_all()
