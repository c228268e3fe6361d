# cython: language_level=3
"""yamltree.build, compiled: the same values, positions and refusals from libyaml's events, without a Python
object for every event. Built when a C compiler and libyaml's headers are there; yamltree.py is used otherwise,
and the tests hold the two to the same results."""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strcmp, strncmp, strlen

import yaml
from fosterdocs.yamltree import MAX_DEPTH, Refused, plain_value

cdef extern from "yaml.h":
    ctypedef unsigned char yaml_char_t
    ctypedef struct yaml_mark_t:
        size_t index
        size_t line
        size_t column
    ctypedef enum yaml_error_type_t:
        YAML_NO_ERROR
        YAML_MEMORY_ERROR
        YAML_READER_ERROR
        YAML_SCANNER_ERROR
        YAML_PARSER_ERROR
    ctypedef enum yaml_scalar_style_t:
        YAML_ANY_SCALAR_STYLE
        YAML_PLAIN_SCALAR_STYLE
    ctypedef enum yaml_event_type_t:
        YAML_NO_EVENT
        YAML_STREAM_START_EVENT
        YAML_STREAM_END_EVENT
        YAML_DOCUMENT_START_EVENT
        YAML_DOCUMENT_END_EVENT
        YAML_ALIAS_EVENT
        YAML_SCALAR_EVENT
        YAML_SEQUENCE_START_EVENT
        YAML_SEQUENCE_END_EVENT
        YAML_MAPPING_START_EVENT
        YAML_MAPPING_END_EVENT
    ctypedef struct _scalar_data:
        yaml_char_t *tag
        yaml_char_t *value
        size_t length
        yaml_scalar_style_t style
    ctypedef struct _collection_data:
        yaml_char_t *tag
    ctypedef union _event_data:
        _scalar_data scalar
        _collection_data sequence_start
        _collection_data mapping_start
    ctypedef struct yaml_event_t:
        yaml_event_type_t type
        _event_data data
        yaml_mark_t start_mark
    ctypedef struct yaml_parser_t:
        yaml_error_type_t error
        const char *problem
        size_t problem_offset
        int problem_value
        yaml_mark_t problem_mark
        const char *context
        yaml_mark_t context_mark
    int yaml_parser_initialize(yaml_parser_t *parser)
    void yaml_parser_delete(yaml_parser_t *parser)
    void yaml_parser_set_input_string(yaml_parser_t *parser, const unsigned char *input, size_t size)
    int yaml_parser_parse(yaml_parser_t *parser, yaml_event_t *event)
    void yaml_event_delete(yaml_event_t *event)

NAME = "<byte string>"  # the stream's name in errors, as PyYAML gives it
cdef const char *STANDARD_TAG = "tag:yaml.org,2002:"
cdef size_t STANDARD_TAG_LENGTH = strlen(STANDARD_TAG)


cdef inline tuple _where(yaml_mark_t mark):
    return (mark.line + 1, mark.column + 1)


cdef inline str _text(yaml_char_t *value, size_t length):
    return PyUnicode_DecodeUTF8(<char *>value, length, "strict")


cdef bint _text_tag(yaml_char_t *tag):
    """Whether a tag makes a scalar text: '!' or the standard ...:str tag (other tags were refused before)."""
    cdef size_t length
    if tag == NULL:
        return False
    length = strlen(<char *>tag)
    if strcmp(<char *>tag, "!") == 0:
        return True
    if strncmp(<char *>tag, STANDARD_TAG, STANDARD_TAG_LENGTH) != 0:
        return False
    return length >= 4 and strcmp(<char *>tag + length - 4, ":str") == 0


cdef _check_tag(yaml_char_t *tag, yaml_mark_t mark):
    if tag != NULL and strcmp(<char *>tag, "!") != 0 and strncmp(<char *>tag, STANDARD_TAG, STANDARD_TAG_LENGTH) != 0:
        raise Refused("yaml/tag", *_where(mark), (<bytes>tag).decode("utf-8", "replace"))


cdef object _scalar_value(yaml_event_t *event):
    cdef yaml_char_t *value = event.data.scalar.value
    cdef size_t length = event.data.scalar.length
    text = _text(value, length)
    if event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE or _text_tag(event.data.scalar.tag):
        return text
    if length <= 5 or value[0] in b"0123456789+-.":  # could be a number, true, false or null
        return plain_value(text)
    return text


cdef object _parse_error(yaml_parser_t *parser):
    """PyYAML's error for what libyaml could not parse, as PyYAML's own C parser raises it."""
    if parser.error == YAML_MEMORY_ERROR:
        return MemoryError()
    problem = parser.problem.decode("utf-8", "replace") if parser.problem != NULL else None
    if parser.error == YAML_READER_ERROR:
        return yaml.reader.ReaderError(NAME, parser.problem_offset, parser.problem_value, "?", problem)
    context = context_mark = problem_mark = None
    if parser.context != NULL:
        context = parser.context.decode("utf-8", "replace")
        context_mark = yaml.Mark(NAME, parser.context_mark.index, parser.context_mark.line, parser.context_mark.column,
                                 None, None)
    if parser.problem != NULL:
        problem_mark = yaml.Mark(NAME, parser.problem_mark.index, parser.problem_mark.line, parser.problem_mark.column,
                                 None, None)
    kind = yaml.scanner.ScannerError if parser.error == YAML_SCANNER_ERROR else yaml.parser.ParserError
    return kind(context, context_mark, problem, problem_mark)


def build(const unsigned char[:] data not None):
    """See yamltree.build."""
    cdef yaml_parser_t parser
    cdef yaml_event_t event
    if not yaml_parser_initialize(&parser):
        raise MemoryError()
    yaml_parser_set_input_string(&parser, &data[0] if len(data) else <const unsigned char *>"", len(data))
    try:
        return _events(&parser, &event)
    finally:
        yaml_parser_delete(&parser)


cdef object _events(yaml_parser_t *parser, yaml_event_t *event):
    cdef list stack = []
    cdef object container = None
    cdef object marks = None
    cdef bint mapping = False, has_key = False
    cdef object key = None, key_at = None, root = None
    cdef int documents = 0, depth = 0
    cdef yaml_event_type_t kind
    while True:
        if not yaml_parser_parse(parser, event):
            raise _parse_error(parser)
        kind = event.type
        try:
            if kind == YAML_STREAM_END_EVENT:
                break
            if kind == YAML_SCALAR_EVENT:
                _check_tag(event.data.scalar.tag, event.start_mark)
                at = _where(event.start_mark)
                if mapping:
                    if not has_key:
                        key = _text(event.data.scalar.value, event.data.scalar.length)
                        if key in container:
                            raise Refused("yaml/duplicate-key", *at, (key, marks[key][0][0]))
                        key_at, has_key = at, True
                    else:
                        container[key] = _scalar_value(event)
                        marks[key] = (key_at, at, None)
                        has_key = False
                elif container is not None:
                    container.append(_scalar_value(event))
                    marks.append((at, at, None))
                else:
                    raise Refused("yaml/not-mapping", *at)
            elif kind == YAML_MAPPING_START_EVENT or kind == YAML_SEQUENCE_START_EVENT:
                if kind == YAML_MAPPING_START_EVENT:
                    _check_tag(event.data.mapping_start.tag, event.start_mark)
                    value, inner = {}, {}
                else:
                    _check_tag(event.data.sequence_start.tag, event.start_mark)
                    value, inner = [], []
                at = _where(event.start_mark)
                if mapping:
                    if not has_key:
                        raise Refused("yaml/key", *at)
                    container[key] = value
                    marks[key] = (key_at, at, inner)
                    has_key = False
                elif container is not None:
                    container.append(value)
                    marks.append((at, at, inner))
                elif kind == YAML_MAPPING_START_EVENT:
                    root = (value, inner, at)
                else:
                    raise Refused("yaml/not-mapping", *at)
                if depth >= MAX_DEPTH:
                    raise Refused("yaml/too-deep", *at)
                stack.append((container, marks, mapping))
                depth += 1
                container, marks, mapping = value, inner, kind == YAML_MAPPING_START_EVENT
            elif kind == YAML_MAPPING_END_EVENT or kind == YAML_SEQUENCE_END_EVENT:
                container, marks, mapping = stack.pop()
                depth -= 1
            elif kind == YAML_ALIAS_EVENT:
                raise Refused("yaml/alias", *_where(event.start_mark))
            elif kind == YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1:
                    raise Refused("yaml/multiple-documents", *_where(event.start_mark))
        finally:
            yaml_event_delete(event)
    if root is None:
        raise Refused("yaml/empty", 1, 1)
    return root
