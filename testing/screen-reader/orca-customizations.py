# Copied by speak.sh into a fresh Orca prefs dir (orca -u DIR) for every run.
# Orca loads it at start-up. On a first start its values become the defaults.
#  - no speech synthesizer: Orca still logs every utterance ("SPEECH OUTPUT")
#  - no braille (no brltty here; avoids log noise)
#  - every SPEECH OUTPUT line is also written, with an epoch-ms timestamp,
#    as one JSON line to $SR_SPEECH_LOG (this is what speak.sh prints)
#  - speech.stop() (Orca's "interrupt whatever is being spoken") is logged too
#  - extra Orca settings can be given as JSON in $SR_ORCA_SETTINGS,
#    e.g. '{"enableEchoByCharacter": true, "enableKeyEcho": false}'
import json, os, re, sys, time
import orca.settings, orca.debug, orca.speech

orca.settings.speechFactoryModules = []
orca.settings.speechServerFactory = None
orca.settings.enableBraille = False

for _k, _v in json.loads(os.environ.get("SR_ORCA_SETTINGS") or "{}").items():
    setattr(orca.settings, _k, _v)

if orca.debug.debugFile:
    orca.debug.debugFile.reconfigure(line_buffering=True)

_out = open(os.environ["SR_SPEECH_LOG"], "a", buffering=1, encoding="utf-8")
_RE = re.compile(r"^SPEECH OUTPUT: '(.*)'( voice=(\S+))?\s*(\[?\{.*\}\]?)?\s*$", re.S)

def _emit(rec):
    rec["t"] = int(time.time() * 1000)
    _out.write(json.dumps(rec, ensure_ascii=False) + "\n")

_println = orca.debug.println
def _println_hook(level, text="", timestamp=False, *a, **kw):
    if isinstance(text, str) and text.startswith("SPEECH OUTPUT: '"):
        m = _RE.match(text)
        caller = sys._getframe(1).f_code.co_name
        if m:
            _emit({"type": "speech", "text": m.group(1), "voice": m.group(3),
                   "via": caller})
        else:
            _emit({"type": "speech", "text": text[16:], "voice": None,
                   "via": caller})
    return _println(level, text, timestamp, *a, **kw)
orca.debug.println = _println_hook

_stop = orca.speech.stop
def _stop_hook(*a, **kw):
    _emit({"type": "interrupt"})
    _println(orca.debug.LEVEL_INFO, "SPEECH: stop() (interrupt)", True)
    return _stop(*a, **kw)
orca.speech.stop = _stop_hook
