"""Django settings. Every value a deployment may change comes from a DEVPLAN_* environment variable
(documented in docs/configuration.md; a test checks that each one is)."""

from __future__ import annotations

from pathlib import Path

from devplan.lib.env import envbool, envdb, envdbs, envdecimal, envint, envlist, envsecret, envstr
from devplan.lib.periods import year_range

BASE_DIR = Path(__file__).resolve().parent

DEBUG = envbool("DEVPLAN_DEBUG", False)
DEVELOPMENT_KEY = "devplan-development-key-set-DEVPLAN_SECRET_KEY-in-production"
SECRET_KEY = envsecret("DEVPLAN_SECRET_KEY", DEVELOPMENT_KEY)  # `devplan serve` refuses to run on DEVELOPMENT_KEY
ALLOWED_HOSTS = envlist("DEVPLAN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("DEVPLAN_CSRF_TRUSTED_ORIGINS", [])

DATABASES = {"default": envdb("DEVPLAN_DB", "sqlite:///devplan.db")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at BEGIN so two
    # writers queue on the busy timeout instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Read replicas (PostgreSQL streaming replicas of DEVPLAN_DB, docs/scaling.md): GET requests read from one of
# them unless it lags more than DEVPLAN_REPLICA_MAX_LAG_SECONDS; every write, every transaction and every
# request of a client that wrote within DEVPLAN_READ_YOUR_WRITES_SECONDS stay on the primary. None by default.
REPLICA_ALIASES = []
for number, replica in enumerate(envdbs("DEVPLAN_DB_REPLICAS"), start=1):
    # A replica that stops answering must not hold a request for long; tests use the primary's copy.
    replica["OPTIONS"] = {"connect_timeout": 2, "application_name": f"devplan-replica{number}"}
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{number}"] = replica
    REPLICA_ALIASES.append(f"replica{number}")
DEVPLAN_REPLICA_MAX_LAG_SECONDS = envint("DEVPLAN_REPLICA_MAX_LAG_SECONDS", 5, minimum=1)
# Longer than the lag a replica may have (and its one-second check): after it the write has reached every
# replica still in use.
DEVPLAN_READ_YOUR_WRITES_SECONDS = envint(
    "DEVPLAN_READ_YOUR_WRITES_SECONDS", 10, minimum=DEVPLAN_REPLICA_MAX_LAG_SECONDS + 2
)
DATABASE_ROUTERS = ["devplan.replicas.routing.ReplicaRouter"] if REPLICA_ALIASES else []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "devplan.accounts.apps.AxesConfig",
    "devplan.cli",
    "devplan.regions",
    "devplan.recording",
    "devplan.indicators",
    "devplan.projects",
    "devplan.funds",
    "devplan.attraction",
    "devplan.tasks",
    "devplan.measures",
    "devplan.supervision",
    "devplan.evidence",
    "devplan.notifications",
    "django_tasks_db",
    "devplan.collection",
    "devplan.reports",
    "devplan.audits",
    "devplan.accounts",
    "devplan.api",
    "devplan.web",
    "devplan.scale",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "devplan.web.limits.ApiErrorsAsJson",
    "devplan.web.limits.BodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "devplan.web.caching.NoStoreForMembers",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]
if REPLICA_ALIASES:
    # Before the session is read: a client that has just logged in reads its session from the primary.
    MIDDLEWARE.insert(1, "devplan.replicas.middleware.ReadsFromReplicas")

ROOT_URLCONF = "devplan.urls"
WSGI_APPLICATION = "devplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"

AXES_FAILURE_LIMIT = envint("DEVPLAN_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = envint("DEVPLAN_LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "devplan.accounts.lockout.lockout_response"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = envbool("DEVPLAN_SECURE_COOKIES", False)
# At most a year: a session's expiry date must stay a date (99999999 days made every login answer 500).
SESSION_COOKIE_AGE = envint("DEVPLAN_SESSION_DAYS", 1, minimum=1, maximum=366) * 24 * 3600
SECURE_HSTS_SECONDS = envint("DEVPLAN_HSTS_SECONDS", 0, minimum=0)  # only behind HTTPS: browsers then refuse plain HTTP
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "devplan.web.limits.csrf_failure"  # the site's own page, in Chinese
# Pages carry the token in their forms (and htmx in hx-headers); API clients get it from POST /api/login.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
}

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = envstr("DEVPLAN_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Only for `collectstatic`: WhiteNoise serves straight from the apps, and would warn about a missing folder.
STATIC_ROOT = envstr("DEVPLAN_STATIC_ROOT", "") or None
# Serve straight from the apps' static folders: no collectstatic step on an offline laptop.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Warning lights: how many points of completion behind the expected progress stay green or yellow.
# Indicators: green when on or ahead of progress, yellow within 5 points, red beyond.
DEVPLAN_INDICATOR_GREEN_GAP = envdecimal("DEVPLAN_INDICATOR_GREEN_GAP", "0")
DEVPLAN_INDICATOR_YELLOW_GAP = envdecimal("DEVPLAN_INDICATOR_YELLOW_GAP", "5")
# Projects (the common 月度调度 rule): behind time progress by under 10 points is green, 10–30 yellow, more red.
DEVPLAN_PROJECT_GREEN_GAP = envdecimal("DEVPLAN_PROJECT_GREEN_GAP", "10")
DEVPLAN_PROJECT_YELLOW_GAP = envdecimal("DEVPLAN_PROJECT_YELLOW_GAP", "30")
# An area's own stated figure against the sum of its counties (devplan rollup --check): the level gap in
# percent of the stated figure, and the growth gap in percentage points, beyond which it is flagged.
DEVPLAN_LEVEL_CHECK_PCT = envdecimal("DEVPLAN_LEVEL_CHECK_PCT", "1")
DEVPLAN_LEVEL_CHECK_POINTS = envdecimal("DEVPLAN_LEVEL_CHECK_POINTS", "0.5")
# `devplan serve`: seconds a worker may spend on one request (a report built on a click) before gunicorn
# kills it; its default, 30, cut reports short on a loaded machine.
DEVPLAN_WORKER_TIMEOUT = envint("DEVPLAN_WORKER_TIMEOUT", 180, minimum=10)
# 督办: the days an assignee has to answer an item devplan proposes (a main indicator red two months running).
DEVPLAN_SUPERVISION_DAYS = envint("DEVPLAN_SUPERVISION_DAYS", 10, minimum=1)

# 通知与提醒 (devplan/notifications, run by `devplan worker`): reminders start this many days before a deadline;
# a user's daily digest goes out at the first pass from this hour (local time); robots only on these hosts.
DEVPLAN_REMIND_DAYS = envint("DEVPLAN_REMIND_DAYS", 3, minimum=0)
# Overdue reminders stop this many days after the deadline: a month nobody locked two years ago is not news.
DEVPLAN_REMIND_OVERDUE_DAYS = envint("DEVPLAN_REMIND_OVERDUE_DAYS", 30, minimum=0)
DEVPLAN_DIGEST_HOUR = envint("DEVPLAN_DIGEST_HOUR", 8, minimum=0, maximum=23)
DEVPLAN_WEBHOOK_HOSTS = envlist("DEVPLAN_WEBHOOK_HOSTS", ["oapi.dingtalk.com", "qyapi.weixin.qq.com"])
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {
    "host": envstr("DEVPLAN_EMAIL_HOST", "localhost"),
    "port": envint("DEVPLAN_EMAIL_PORT", 25, minimum=1, maximum=65535),
    "username": envstr("DEVPLAN_EMAIL_USER", ""),
    "password": envstr("DEVPLAN_EMAIL_PASSWORD", ""),
    "use_tls": envbool("DEVPLAN_EMAIL_STARTTLS", False),
    "use_ssl": envbool("DEVPLAN_EMAIL_SSL", False),
    "timeout": envint("DEVPLAN_EMAIL_TIMEOUT", 10, minimum=1),
}}}
DEFAULT_FROM_EMAIL = envstr("DEVPLAN_EMAIL_FROM", "devplan@localhost")

# The years a plan, a target or a figure can belong to: every door and every page accept exactly these.
DEVPLAN_YEAR_MIN, DEVPLAN_YEAR_MAX = year_range()
# A year-on-year growth above this many percent is refused as a typing error (a unit or a misplaced point).
DEVPLAN_MAX_GROWTH_PCT = envdecimal("DEVPLAN_MAX_GROWTH_PCT", "1000")
# A project's completed investment above its annual plan by more than this many percent asks the owner why.
DEVPLAN_PROJECT_PLAN_MARGIN_PCT = envdecimal("DEVPLAN_PROJECT_PLAN_MARGIN_PCT", "20")

# A project's milestone past its planned date and not done turns its light yellow, red after this many days.
DEVPLAN_MILESTONE_RED_DAYS = envint("DEVPLAN_MILESTONE_RED_DAYS", 30, minimum=0)

# /api/status answers from a copy at most this many seconds old before it asks the database whether the
# region's data changed (0 asks every time). Writes in the same process are seen at once.
DEVPLAN_STATUS_FRESH_SECONDS = envint("DEVPLAN_STATUS_FRESH_SECONDS", 1, minimum=0)

# Limits on what one request may cost. Every door (web and command-line Excel import, the audit upload, the
# report import) refuses a file over UPLOAD_MAX_MB, or a zip container (.xlsx, .docx) unpacking to more than
# UNZIPPED_MAX_MB, before anything parses it; a request body over the upload limit is refused before it is
# read (413), an API body (JSON) over API_BODY_MAX_KB too.
DEVPLAN_UPLOAD_MAX_MB = envint("DEVPLAN_UPLOAD_MAX_MB", 20, minimum=1)
DEVPLAN_UNZIPPED_MAX_MB = envint("DEVPLAN_UNZIPPED_MAX_MB", 100, minimum=1)
DEVPLAN_API_BODY_MAX_KB = envint("DEVPLAN_API_BODY_MAX_KB", 1024, minimum=1)
# An uploaded file (a workbook's cells, a report's text) is read in a child process with at most this much
# more memory and this much CPU time: a file under the size limits that unpacks without end is refused.
DEVPLAN_PARSE_MAX_MB = envint("DEVPLAN_PARSE_MAX_MB", 512, minimum=64)
# The child is killed 5 s after its CPU time in wall time, inside the worker timeout. A 13-page report takes
# 7 s of CPU alone; on a busy machine (two cores shared) its wall time doubles or more: 15 s refused it.
DEVPLAN_PARSE_MAX_SECONDS = envint("DEVPLAN_PARSE_MAX_SECONDS", 60, minimum=1, maximum=max(1, DEVPLAN_WORKER_TIMEOUT - 10))
DATA_UPLOAD_MAX_MEMORY_SIZE = DEVPLAN_API_BODY_MAX_KB * 1024
# The web audit reads at most this many characters of a report (a county's plan report has 20 000–60 000);
# longer texts are refused with a sentence pointing to `devplan audit`, so a page answers in seconds.
DEVPLAN_AUDIT_MAX_CHARS = envint("DEVPLAN_AUDIT_MAX_CHARS", 200_000, minimum=1000)
# Expensive requests (a report or brief built, an audit, an Excel upload) one user may have running at once.
DEVPLAN_EXPENSIVE_PER_USER = envint("DEVPLAN_EXPENSIVE_PER_USER", 2, minimum=1)
DEVPLAN_EXPENSIVE_AT_ONCE = envint("DEVPLAN_EXPENSIVE_AT_ONCE", 1, minimum=1)  # below `serve --workers` (2)
# Photos and documents attached to projects' monthly progress: the largest one taken, and the folder they are
# kept in under their SHA-256 (durable data, unlike the cache: back it up with the database).
DEVPLAN_EVIDENCE_MAX_MB = envint("DEVPLAN_EVIDENCE_MAX_MB", 10, minimum=1)
DEVPLAN_FILES_DIR = envstr("DEVPLAN_FILES_DIR", "devplan-files")
# Built reports and briefs are kept on disk per data version (the highest change set), here:
DEVPLAN_CACHE_DIR = envstr("DEVPLAN_CACHE_DIR", "")

# Fonts for documents: Word names the official fonts; the PDF draws each with the font itself when installed,
# else with the free font DEVPLAN_PDF_FONTS maps it to (the Fandol family scripts/system-deps installs).
DEVPLAN_FONT_BODY = envstr("DEVPLAN_FONT_BODY", "仿宋_GB2312")
DEVPLAN_FONT_TITLE = envstr("DEVPLAN_FONT_TITLE", "方正小标宋简体")
DEVPLAN_FONT_HEADING = envstr("DEVPLAN_FONT_HEADING", "黑体")
DEVPLAN_FONT_SUBHEADING = envstr("DEVPLAN_FONT_SUBHEADING", "楷体_GB2312")
DEVPLAN_PDF_FONTS = envstr(
    "DEVPLAN_PDF_FONTS",
    "仿宋_GB2312=FandolFang,楷体_GB2312=FandolKai,黑体=FandolHei,方正小标宋简体=FandolSong:bold,宋体=FandolSong",
)
# The web app's address (https://devplan.example.gov.cn): report.html written by `devplan report` links its
# numbers there, so a copy opened from disk still reaches the records; empty: links from the site's root.
# From the reports page the address the browser used is taken instead.
DEVPLAN_SITE_URL = envstr("DEVPLAN_SITE_URL", "")
# The office that makes the execution report, printed under its title; empty: "<region>发展和改革局".
DEVPLAN_REPORT_OFFICE = envstr("DEVPLAN_REPORT_OFFICE", "")
# Whom the monthly brief is sent and copied to (its 报送/抄送 lines); empty: the region's leaders, departments.
DEVPLAN_BRIEF_SEND_TO = envstr("DEVPLAN_BRIEF_SEND_TO", "")
DEVPLAN_BRIEF_COPY_TO = envstr("DEVPLAN_BRIEF_COPY_TO", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused request (403) is an answer, not a failure: its line is logged, its traceback is not.
    "filters": {"refusals_without_traceback": {"()": "devplan.lib.logs.RefusalsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["refusals_without_traceback"]}},
    "root": {"handlers": ["console"], "level": envstr("DEVPLAN_LOG_LEVEL", "WARNING")},
    # Every task run is logged at INFO by django.tasks: `devplan worker` from cron would mail each one.
    "loggers": {"django.tasks": {"level": envstr("DEVPLAN_LOG_LEVEL", "WARNING")}},
}
