// str.format() and str.format_map(): CPython's Objects/stringlib/unicode_format.h.
// "{0[1]} {name.attr!r:>{width}}" — field names with attribute and index
// parts, conversions, and format specs that may hold nested fields. The spec
// itself is applied by vm.format (the runtime formatter of each type).

#include "core/runtime/runtime_util.h"
#include "core/runtime/text_ops.h"

namespace aw::rt {

namespace {

class Formatter {
public:
    Formatter(Vm& vm, const CallArgs& a, const Value& mapping) : m_vm(vm), m_args(a), m_mapping(mapping) {}

    bool format(std::string_view fmt, std::string& out, int depth)
    {
        if (depth > 2) {
            m_vm.raise(m_vm.types().ValueError, "Max string recursion exceeded");
            return false;
        }
        size_t i = 0;
        while (i < fmt.size()) {
            const char c = fmt[i];
            if (c == '}') {
                if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                    out.push_back('}');
                    i += 2;
                    continue;
                }
                m_vm.raise(m_vm.types().ValueError, "Single '}' encountered in format string");
                return false;
            }
            if (c != '{') {
                out.push_back(c);
                ++i;
                continue;
            }
            if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
                out.push_back('{');
                i += 2;
                continue;
            }
            // A field: find its matching '}' (format specs may nest braces).
            size_t j = i + 1;
            int level = 1;
            while (j < fmt.size()) {
                if (fmt[j] == '{') ++level;
                else if (fmt[j] == '}' && --level == 0) break;
                ++j;
            }
            if (j >= fmt.size()) {
                m_vm.raise(m_vm.types().ValueError,
                           level > 1 || i + 1 < fmt.size() ? "expected '}' before end of string"
                                                           : "Single '{' encountered in format string");
                return false;
            }
            if (!field(fmt.substr(i + 1, j - i - 1), out, depth)) return false;
            i = j + 1;
        }
        return true;
    }

private:
    bool field(std::string_view body, std::string& out, int depth)
    {
        // Split "name!conv:spec": the name ends at the first '!' or ':' outside brackets.
        size_t k = 0;
        while (k < body.size() && body[k] != '!' && body[k] != ':') {
            if (body[k] == '[') {
                while (k < body.size() && body[k] != ']') ++k;
            }
            if (k < body.size()) ++k;
        }
        std::string_view name = body.substr(0, std::min(k, body.size()));
        char conversion = 0;
        std::string_view spec;
        if (k < body.size() && body[k] == '!') {
            if (k + 1 >= body.size()) {
                m_vm.raise(m_vm.types().ValueError, "end of string while looking for conversion specifier");
                return false;
            }
            conversion = body[k + 1];
            k += 2;
            if (k < body.size() && body[k] != ':') {
                m_vm.raise(m_vm.types().ValueError, "expected ':' after conversion specifier");
                return false;
            }
        }
        if (k < body.size() && body[k] == ':') spec = body.substr(k + 1);

        Value v = lookup(name);
        if (v.isError()) return false;
        if (conversion) {
            if (conversion == 'r') v = m_vm.repr(v);
            else if (conversion == 's') v = m_vm.str(v);
            else if (conversion == 'a') {
                std::string r;
                if (!m_vm.reprString(v, r)) return false;
                std::string esc;
                static const char* hex = "0123456789abcdef";
                for (char32_t ch : text::decode(r)) {
                    if (ch < 0x80) { esc.push_back(static_cast<char>(ch)); continue; }
                    const int digits = ch <= 0xFF ? 2 : ch <= 0xFFFF ? 4 : 8;
                    esc += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
                    for (int d = digits - 1; d >= 0; --d) esc.push_back(hex[(ch >> (4 * d)) & 0xF]);
                }
                v = m_vm.newStr(esc);
            } else {
                std::string msg = "Unknown conversion specifier ";
                msg.push_back(conversion);
                m_vm.raise(m_vm.types().ValueError, msg);
                return false;
            }
            if (v.isError()) return false;
        }
        std::string expandedSpec;
        if (spec.find('{') != std::string_view::npos) {
            if (!format(spec, expandedSpec, depth + 1)) return false;
        } else {
            expandedSpec = spec;
        }
        Value text = m_vm.format(v, m_vm.newStr(expandedSpec));
        if (text.isError()) return false;
        out += text.as<vm::StrObj>()->text();
        return true;
    }

    static bool allDigits(std::string_view s)
    {
        if (s.empty()) return false;
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    }

    Value lookup(std::string_view name)
    {
        size_t end = 0;
        while (end < name.size() && name[end] != '.' && name[end] != '[') ++end;
        std::string_view first = name.substr(0, end);
        Value v;
        if (first.empty() || allDigits(first)) {
            size_t index = 0;
            if (first.empty()) {
                if (m_manual) {
                    return m_vm.raise(m_vm.types().ValueError,
                                      "cannot switch from manual field specification to automatic field numbering");
                }
                m_auto = true;
                index = m_next++;
            } else {
                if (m_auto) {
                    return m_vm.raise(m_vm.types().ValueError,
                                      "cannot switch from automatic field numbering to manual field specification");
                }
                m_manual = true;
                index = std::stoul(std::string(first));
            }
            if (!m_mapping.isUnbound() || index >= m_args.npos) {
                if (!m_mapping.isUnbound())
                    return m_vm.raise(m_vm.types().ValueError, "Format string contains positional fields");
                return m_vm.raise(m_vm.types().IndexError, "Replacement index " + std::to_string(index)
                                                               + " out of range for positional args tuple");
            }
            v = m_args[index];
        } else {
            Value key = m_vm.newStr(first);
            if (!m_mapping.isUnbound()) {
                v = m_vm.getItem(m_mapping, key);
                if (v.isError()) return v;
            } else {
                v = m_args.keyword(first);
                if (v.isUnbound()) {
                    m_vm.restoreError(m_vm.newException(m_vm.types().KeyError, std::vector<Value>{key}));
                    return Value::error();
                }
            }
        }
        // .attr and [key] parts.
        size_t i = end;
        while (i < name.size()) {
            if (name[i] == '.') {
                size_t j = i + 1;
                while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
                if (j == i + 1) return m_vm.raise(m_vm.types().ValueError, "Empty attribute in format string");
                v = m_vm.getAttr(v, name.substr(i + 1, j - i - 1));
                if (v.isError()) return v;
                i = j;
            } else if (name[i] == '[') {
                const size_t close = name.find(']', i);
                if (close == std::string_view::npos)
                    return m_vm.raise(m_vm.types().ValueError, "Missing ']' in format string");
                std::string_view keyText = name.substr(i + 1, close - i - 1);
                if (keyText.empty()) return m_vm.raise(m_vm.types().ValueError, "Empty attribute in format string");
                Value key = allDigits(keyText) ? Value::integer(std::stoll(std::string(keyText))) : m_vm.newStr(keyText);
                v = m_vm.getItem(v, key);
                if (v.isError()) return v;
                i = close + 1;
            } else {
                return m_vm.raise(m_vm.types().ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return v;
    }

    Vm& m_vm;
    const CallArgs& m_args;
    Value m_mapping;      // format_map's mapping, Unbound for format()
    size_t m_next = 0;
    bool m_auto = false;
    bool m_manual = false;
};

}  // namespace

Value strFormatMethod(Vm& vm, CallArgs& a)
{
    if (!takeSelf(vm, a, vm.types().str, "format")) return Value::error();
    std::string out;
    Formatter f(vm, a, Value::unbound());
    if (!f.format(a.self.as<vm::StrObj>()->view(), out, 0)) return Value::error();
    return vm.newStr(out);
}

Value strFormatMapMethod(Vm& vm, CallArgs& a)
{
    if (!takeSelf(vm, a, vm.types().str, "format_map")) return Value::error();
    if (!a.expect(vm, "format_map", 1, 1)) return Value::error();
    std::string out;
    CallArgs none;
    Formatter f(vm, none, a[0]);
    if (!f.format(a.self.as<vm::StrObj>()->view(), out, 0)) return Value::error();
    return vm.newStr(out);
}

}  // namespace aw::rt
