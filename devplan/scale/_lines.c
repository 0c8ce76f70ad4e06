/* The direct path's reading of a block of CSV lines (devplan/scale/csv_direct.py), in C: on a national file
 * of 5 million figures, Python's regular expression engine alone took longer than PostgreSQL's whole COPY of
 * the converted rows, so the import waited on it (docs/benchmarks.md).
 *
 * rows(block, regions, indicators[, periods, region_ids]) -> list of (region id, indicator id, year, month, value,
 * growth, note), or the index of the first line that is not a plain new figure (an int); the (year, month) and
 * region ids of the rows are added to the sets `periods` and `region_ids` when they are given. `block` holds whole lines, each
 * ended by "\n"; `regions` and `indicators` map a code (or a region's name) to its id. A plain line is
 *
 *     code,code,YYYY-MM,value,growth,note          (an optional "\r" before the "\n")
 *
 * with a month 01-12, value and growth not both empty, a value of 1-15 digits with an optional point and 1-4
 * decimals, a growth the same with an optional leading "-", and a note of at most 1000 characters without a
 * comma, CR, LF or control character other than a tab (none at all as its first character), not starting
 * with = + - or @, nor starting or ending with white space. A code field is anything without a comma; it must be a key of its mapping. Empty value and
 * growth become None, an empty note "". tests/scale/test_direct_lines.py checks this against the pattern it
 * replaced, on generated lines. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define MAX_INTEGER_DIGITS 15
#define MAX_DECIMALS 4
#define MAX_NOTE 1000

typedef struct {
    int kind;
    const void *data;
} Text;

static inline Py_UCS4 at(const Text *t, Py_ssize_t i) { return PyUnicode_READ(t->kind, t->data, i); }

static inline int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

/* The end of a number starting at `i` (digits, then "." and decimals), or -1 when it is not one. */
static Py_ssize_t number_end(const Text *t, Py_ssize_t i, Py_ssize_t end) {
    Py_ssize_t start = i;
    while (i < end && is_digit(at(t, i))) i++;
    if (i == start || i - start > MAX_INTEGER_DIGITS) return -1;
    if (i < end && at(t, i) == '.') {
        Py_ssize_t decimals = ++i;
        while (i < end && is_digit(at(t, i))) i++;
        if (i == decimals || i - decimals > MAX_DECIMALS) return -1;
    }
    return i;
}

/* Whether the field [start, end) equals the field [other, other + length). */
static int same(const Text *t, Py_ssize_t start, Py_ssize_t end, Py_ssize_t other, Py_ssize_t length) {
    if (end - start != length) return 0;
    for (Py_ssize_t k = 0; k < length; k++)
        if (at(t, start + k) != at(t, other + k)) return 0;
    return 1;
}

/* A code's id, kept while the next lines name the same code (files list a region's figures together). */
typedef struct {
    PyObject *mapping;
    Py_ssize_t start, length; /* the last code looked up, as a place in the block */
    PyObject *id;             /* borrowed from the mapping */
} Lookup;

/* The id of the code in [start, end), or NULL (no exception set) when the mapping has no such code. */
static PyObject *look_up(Lookup *l, PyObject *block, const Text *t, Py_ssize_t start, Py_ssize_t end,
                         int *failed) {
    if (l->id != NULL && same(t, start, end, l->start, l->length)) return l->id;
    PyObject *code = PyUnicode_Substring(block, start, end);
    if (code == NULL) { *failed = 1; return NULL; }
    PyObject *id = PyDict_GetItemWithError(l->mapping, code);
    Py_DECREF(code);
    if (id == NULL) {
        if (PyErr_Occurred()) *failed = 1;
        return NULL;
    }
    l->start = start;
    l->length = end - start;
    l->id = id;
    return id;
}

static int note_first(Py_UCS4 c) {
    return !(c == '=' || c == '+' || c == '-' || c == '@' || c == ',' || c < 0x20 || c == 0x7f);
}

static int note_rest(Py_UCS4 c) { return !(c == ',' || (c < 0x20 && c != '\t') || c == 0x7f); }

/* The fields of the line [i, end) as a new tuple; NULL without an exception when the line is not plain. */
/* The last year read, as a place in the block and its text (owned): files list a year's months together. */
typedef struct {
    Py_ssize_t start;
    PyObject *text;
} Year;

static PyObject *year_text(Year *y, PyObject *block, const Text *t, Py_ssize_t start) {
    if (y->text == NULL || !same(t, start, start + 4, y->start, 4)) {
        PyObject *text = PyUnicode_Substring(block, start, start + 4);
        if (text == NULL) return NULL;
        Py_XSETREF(y->text, text);
        y->start = start;
    }
    Py_INCREF(y->text);
    return y->text;
}

static PyObject *one_line(PyObject *block, const Text *t, Py_ssize_t i, Py_ssize_t end, Lookup *regions,
                          Lookup *indicators, Year *years, PyObject **months, PyObject *empty, int *failed) {
    if (end > i && at(t, end - 1) == '\r') end--;
    Py_ssize_t region = i;
    while (i < end && at(t, i) != ',') i++;
    if (i == region || i == end) return NULL;
    Py_ssize_t region_end = i++;
    Py_ssize_t indicator = i;
    while (i < end && at(t, i) != ',') i++;
    if (i == indicator || i == end) return NULL;
    Py_ssize_t indicator_end = i++;
    /* YYYY-MM, */
    if (end - i < 8) return NULL;
    for (int k = 0; k < 4; k++)
        if (!is_digit(at(t, i + k))) return NULL;
    Py_ssize_t year = i;
    if (at(t, i + 4) != '-' || at(t, i + 7) != ',') return NULL;
    Py_UCS4 tens = at(t, i + 5), ones = at(t, i + 6);
    int month;
    if (tens == '0' && ones >= '1' && ones <= '9') month = ones - '0';
    else if (tens == '1' && ones >= '0' && ones <= '2') month = 10 + ones - '0';
    else return NULL;
    i += 8;
    /* value, growth: not both empty */
    Py_ssize_t value = i, value_end = i;
    if (i < end && at(t, i) != ',') {
        value_end = number_end(t, i, end);
        if (value_end < 0) return NULL;
    }
    if (value_end >= end || at(t, value_end) != ',') return NULL;
    i = value_end + 1;
    Py_ssize_t growth = i, growth_end = i;
    if (i < end && at(t, i) != ',') {
        growth_end = number_end(t, at(t, i) == '-' ? i + 1 : i, end);
        if (growth_end < 0) return NULL;
    }
    if (growth_end >= end || at(t, growth_end) != ',') return NULL;
    if (value_end == value && growth_end == growth) return NULL;
    i = growth_end + 1;
    Py_ssize_t note = i;
    if (end - note > MAX_NOTE) return NULL;
    if (i < end && !note_first(at(t, i))) return NULL;
    /* The rules strip a text before judging it (" =1" starts like a formula); such a note is theirs to judge. */
    if (i < end && (Py_UNICODE_ISSPACE(at(t, i)) || Py_UNICODE_ISSPACE(at(t, end - 1)))) return NULL;
    for (; i < end; i++)
        if (!note_rest(at(t, i))) return NULL;

    PyObject *region_id = look_up(regions, block, t, region, region_end, failed);
    if (region_id == NULL) return NULL;
    PyObject *indicator_id = look_up(indicators, block, t, indicator, indicator_end, failed);
    if (indicator_id == NULL) return NULL;
    PyObject *row = PyTuple_New(7);
    if (row == NULL) { *failed = 1; return NULL; }
    Py_INCREF(region_id);
    PyTuple_SET_ITEM(row, 0, region_id);
    Py_INCREF(indicator_id);
    PyTuple_SET_ITEM(row, 1, indicator_id);
    PyObject *fields[5] = {
        year_text(years, block, t, year),
        (Py_INCREF(months[month]), months[month]),
        value_end == value ? (Py_INCREF(Py_None), Py_None) : PyUnicode_Substring(block, value, value_end),
        growth_end == growth ? (Py_INCREF(Py_None), Py_None) : PyUnicode_Substring(block, growth, growth_end),
        end == note ? (Py_INCREF(empty), empty) : PyUnicode_Substring(block, note, end),
    };
    for (int k = 0; k < 5; k++) {
        if (fields[k] == NULL) *failed = 1;
        PyTuple_SET_ITEM(row, 2 + k, fields[k] == NULL ? (Py_INCREF(Py_None), Py_None) : fields[k]);
    }
    if (*failed) { Py_DECREF(row); return NULL; }
    return row;
}

/* The periods (year, month) and region ids the lines name, added to two sets when they change from one line to
 * the next: what a change set wrote, without a pass over every row in Python. */
typedef struct {
    PyObject *periods, *regions; /* the sets, or NULL */
    PyObject *year, *month, *region; /* the last line's, borrowed from rows kept in the list being built */
} Seen;

static int see(Seen *seen, PyObject *row) {
    if (seen->periods == NULL) return 0;
    PyObject *region = PyTuple_GET_ITEM(row, 0), *year = PyTuple_GET_ITEM(row, 2), *month = PyTuple_GET_ITEM(row, 3);
    if (year != seen->year || month != seen->month) {
        PyObject *period = PyTuple_Pack(2, year, month);
        if (period == NULL || PySet_Add(seen->periods, period) < 0) { Py_XDECREF(period); return -1; }
        Py_DECREF(period);
        seen->year = year;
        seen->month = month;
    }
    if (region != seen->region) {
        if (PySet_Add(seen->regions, region) < 0) return -1;
        seen->region = region;
    }
    return 0;
}

/* The lines of `block` appended to `found` as rows: 0 when all are plain, the index + 1 of the first that is
 * not, or -1 with an exception set. */
static Py_ssize_t read_lines(PyObject *block, PyObject *regions, PyObject *indicators, PyObject **months,
                             PyObject *empty, PyObject *found, Seen *seen) {
    Text t = {PyUnicode_KIND(block), PyUnicode_DATA(block)};
    Py_ssize_t length = PyUnicode_GET_LENGTH(block);
    Lookup region_ids = {regions, 0, 0, NULL}, indicator_ids = {indicators, 0, 0, NULL};
    Year years = {0, NULL};
    Py_ssize_t start = 0, line = 0, outcome = 0;
    while (start < length) {
        Py_ssize_t end = PyUnicode_FindChar(block, '\n', start, length, 1);
        if (end == -2) { outcome = -1; break; }
        if (end == -1) end = length;
        int failed = 0;
        PyObject *row = one_line(block, &t, start, end, &region_ids, &indicator_ids, &years, months, empty, &failed);
        if (failed) { outcome = -1; break; }
        if (row == NULL) { outcome = line + 1; break; }
        int appended = PyList_Append(found, row);
        if (appended == 0) appended = see(seen, row);
        Py_DECREF(row);
        if (appended < 0) { outcome = -1; break; }
        start = end + 1;
        line++;
    }
    Py_XDECREF(years.text);
    return outcome;
}

static PyObject *rows(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *block, *regions, *indicators;
    Seen seen = {NULL, NULL, NULL, NULL, NULL};
    if (!PyArg_ParseTuple(args, "UO!O!|O!O!:rows", &block, &PyDict_Type, &regions, &PyDict_Type, &indicators,
                          &PySet_Type, &seen.periods, &PySet_Type, &seen.regions))
        return NULL;
    if ((seen.periods == NULL) != (seen.regions == NULL)) {
        PyErr_SetString(PyExc_TypeError, "rows: the sets of periods and regions are given together");
        return NULL;
    }
    PyObject *months[13] = {NULL};
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *found = PyList_New(0);
    PyObject *answer = NULL;
    int ready = empty != NULL && found != NULL;
    for (int m = 1; ready && m <= 12; m++) ready = (months[m] = PyUnicode_FromFormat("%02d", m)) != NULL;
    if (ready) {
        Py_ssize_t outcome = read_lines(block, regions, indicators, months, empty, found, &seen);
        if (outcome == 0) answer = Py_NewRef(found);
        else if (outcome > 0) answer = PyLong_FromSsize_t(outcome - 1);
    }
    Py_XDECREF(found);
    Py_XDECREF(empty);
    for (int m = 1; m <= 12; m++) Py_XDECREF(months[m]);
    return answer;
}

/* The characters of `text` written into `out` at `at`; the new place after them. */
static Py_ssize_t put(PyObject *out, Py_ssize_t at, PyObject *text) {
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (length == 0) return at;
    if (PyUnicode_KIND(out) == PyUnicode_1BYTE_KIND) {
        memcpy(PyUnicode_1BYTE_DATA(out) + at, PyUnicode_1BYTE_DATA(text), (size_t)length);
        return at + length;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int out_kind = PyUnicode_KIND(out);
    void *out_data = PyUnicode_DATA(out);
    for (Py_ssize_t k = 0; k < length; k++) PyUnicode_WRITE(out_kind, out_data, at + k, PyUnicode_READ(kind, data, k));
    return at + length;
}

/* The seven fields of a row (None for an empty value or growth) and the tail, checked: the row's pieces. */
static int pieces(PyObject *row, PyObject *tail, PyObject **piece) {
    if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 7) {
        PyErr_SetString(PyExc_TypeError, "copy_text: a row is a tuple of seven fields");
        return -1;
    }
    for (int k = 0; k < 7; k++) {
        PyObject *field = PyTuple_GET_ITEM(row, k);
        if (field == Py_None && (k == 4 || k == 5)) field = NULL;
        else if (!PyUnicode_Check(field)) {
            PyErr_SetString(PyExc_TypeError, "copy_text: a field is text (or None for a value or growth)");
            return -1;
        }
        piece[k] = field;
    }
    piece[7] = tail;
    return 0;
}

static PyObject *copy_text(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *found, *tail;
    if (!PyArg_ParseTuple(args, "O!U:copy_text", &PyList_Type, &found, &tail)) return NULL;
    Py_ssize_t count = PyList_GET_SIZE(found), length = 0;
    Py_UCS4 widest = 127;
    PyObject *piece[8];
    for (Py_ssize_t r = 0; r < count; r++) {
        if (pieces(PyList_GET_ITEM(found, r), tail, piece) < 0) return NULL;
        length += 8; /* six commas, the revision "1" and its comma (the tail brings its own) */
        for (int k = 0; k < 8; k++) {
            if (piece[k] == NULL) continue;
            length += PyUnicode_GET_LENGTH(piece[k]);
            Py_UCS4 most = PyUnicode_MAX_CHAR_VALUE(piece[k]);
            if (most > widest) widest = most;
        }
    }
    PyObject *out = PyUnicode_New(length, widest);
    if (out == NULL) return NULL;
    Py_ssize_t at = 0;
    int kind = PyUnicode_KIND(out);
    void *data = PyUnicode_DATA(out);
    for (Py_ssize_t r = 0; r < count; r++) {
        pieces(PyList_GET_ITEM(found, r), tail, piece);
        /* region,indicator,year,month,1,value,growth,note + tail */
        for (int k = 0; k < 8; k++) {
            if (piece[k] != NULL) at = put(out, at, piece[k]);
            if (k < 6) PyUnicode_WRITE(kind, data, at++, ',');
            if (k == 3) {
                PyUnicode_WRITE(kind, data, at++, '1');
                PyUnicode_WRITE(kind, data, at++, ',');
            }
        }
    }
    return out;
}

static PyMethodDef methods[] = {
    {"rows", rows, METH_VARARGS,
     "rows(block, regions, indicators[, periods, region_ids]): the block's lines as row tuples, or the index of "
     "the first line that is not a plain new figure; the rows' (year, month) and region ids added to the sets."},
    {"copy_text", copy_text, METH_VARARGS,
     "copy_text(rows, tail): the rows as PostgreSQL COPY lines, region,indicator,year,month,1,value,growth,note "
     "followed by the tail (the shared columns and the newline)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, .m_name = "_lines", .m_size = -1, .m_methods = methods};

PyMODINIT_FUNC PyInit__lines(void) { return PyModule_Create(&module); }
