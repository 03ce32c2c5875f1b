"""The shape of the openai Python package's beta realtime client events (pydantic models), in the
format of scripts/lib/drift/shape.mjs: for each event `type`, every member path with whether it is
required, whether it may be None (`nullable`), for Literal unions its allowed values, and for
numbers whether they are `int` (`integer`). Prints JSON. With --validate, validates one JSON event
per stdin line instead. With --server, the server events (RealtimeServerEvent) instead of the
client events. Used by scripts/drift.mjs."""
import json
import sys
import types
import typing

from pydantic import BaseModel
from openai.types.beta.realtime.realtime_client_event import RealtimeClientEvent
from openai.types.beta.realtime.realtime_server_event import RealtimeServerEvent

UNION = RealtimeServerEvent if "--server" in sys.argv[1:] else RealtimeClientEvent


def parts_of(annotation):
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return parts_of(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out = []
        for arg in typing.get_args(annotation):
            out.extend(parts_of(arg))
        return out
    return [annotation]


def describe(annotation, path, required, paths, depth):
    everything = parts_of(annotation)
    nullable = type(None) in everything
    parts = [p for p in everything if p is not type(None)]
    numbers = [p for p in parts if p in (int, float)]
    integer = bool(numbers) and all(p is int for p in numbers)
    literals, kinds = [], set()
    for p in parts:
        origin = typing.get_origin(p)
        if origin is typing.Literal:
            literals.extend(str(v) for v in typing.get_args(p))
            kinds.add("enum")
        elif origin in (list, typing.List):
            kinds.add("array")
        elif isinstance(p, type) and issubclass(p, BaseModel):
            kinds.add("object")
        elif p is str:
            kinds.add("string")
        elif p in (int, float):
            kinds.add("number")
        elif p is bool:
            kinds.add("boolean")
        else:
            kinds.add(getattr(p, "__name__", str(p)))
    seen = paths.get(path)
    if seen:  # variants of a union describe the same path: merge them
        required = required and seen["required"]
        kinds |= set(seen["kind"].split("|"))
        literals = list(set(literals) | set(seen.get("values", [])))
        nullable = nullable or seen.get("nullable", False)
        integer = integer and seen.get("integer", False)
    entry = {"required": required, "kind": "|".join(sorted(k for k in kinds if k))}
    if nullable:
        entry["nullable"] = True
    if integer:
        entry["integer"] = True
    if literals:
        entry["values"] = sorted(literals)
    paths[path] = entry
    if depth > 6:
        return
    for p in parts:
        if isinstance(p, type) and issubclass(p, BaseModel):
            walk(p, path, paths, depth + 1)
        elif typing.get_origin(p) in (list, typing.List):
            describe(typing.get_args(p)[0], path + "/[]", True, paths, depth + 1)


def walk(model, at, paths, depth):
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key == "type" and at == "":
            continue
        describe(field.annotation, f"{at}/{key}", field.is_required(), paths, depth)


if "--validate" in sys.argv[1:]:
    # One JSON event per stdin line -> one line per event: "ok" or the first pydantic error.
    from pydantic import ValidationError

    # Validate against the model of the event's own `type`, so that errors name its members.
    models = {typing.get_args(m.model_fields["type"].annotation)[0]: m for m in parts_of(UNION)}
    for line in sys.stdin:
        event = json.loads(line)
        model = models.get(event.get("type"))
        if model is None:
            print("/type: unknown event type")
            continue
        try:
            model.model_validate(event)
            print("ok")
        except ValidationError as error:
            first = error.errors()[0]
            print("/" + "/".join(str(p) for p in first["loc"]) + ": " + first["msg"])
    sys.exit(0)

events = {}
for model in parts_of(UNION):
    tag = typing.get_args(model.model_fields["type"].annotation)[0]
    paths = {}
    walk(model, "", paths, 0)
    events[tag] = paths
json.dump(events, sys.stdout, indent=1, sort_keys=True)
