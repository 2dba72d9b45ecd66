#include "core/runtime/percent_format.h"

#include "core/runtime/float_format.h"
#include "core/runtime/int_format.h"
#include "core/runtime/runtime_util.h"
#include "core/runtime/text_ops.h"

#include <cstdio>

namespace aw::rt {

namespace {

struct Conversion {
    bool left = false, plus = false, space = false, alt = false, zero = false;
    int64_t width = -1;
    int64_t precision = -1;
    char32_t type = 0;
};

class PercentFormatter {
public:
    PercentFormatter(Vm& vm, const Value& args) : m_vm(vm), m_args(args)
    {
        if (auto* t = args.asOrNull<vm::TupleObj>()) {
            m_tuple = t;
            m_argCount = static_cast<int64_t>(t->size());
            m_argIndex = 0;
        } else {
            // A single value; a mapping (anything subscriptable but a str/tuple,
            // as PyMapping_Check) may also feed "%(key)s" conversions.
            m_argCount = -1;
            m_argIndex = -2;
            m_isMapping = args.is<vm::DictObj>() || args.is<vm::ListObj>()
                || (args.isObj() && args.asObj()->kind() == vm::Kind::Instance
                    && !vm.typeOf(args)->lookup("__getitem__").isUnbound());
        }
    }

    Value run(const std::u32string& fmt)
    {
        std::u32string out;
        size_t i = 0;
        while (i < fmt.size()) {
            if (fmt[i] != '%') {
                out.push_back(fmt[i++]);
                continue;
            }
            ++i;
            Value keyed = Value::unbound();
            if (i < fmt.size() && fmt[i] == '(') {
                if (!m_isMapping) return m_vm.raise(m_vm.types().TypeError, "format requires a mapping");
                int depth = 1;
                const size_t keyStart = ++i;
                while (i < fmt.size() && depth > 0) {
                    if (fmt[i] == '(') ++depth;
                    else if (fmt[i] == ')') --depth;
                    ++i;
                }
                if (depth > 0) return m_vm.raise(m_vm.types().ValueError, "incomplete format key");
                Value key = newStrU32(m_vm, fmt.substr(keyStart, i - 1 - keyStart));
                keyed = m_vm.getItem(m_args, key);
                if (keyed.isError()) return keyed;
                m_usedMapping = true;
            }
            Conversion c;
            for (; i < fmt.size(); ++i) {
                const char32_t f = fmt[i];
                if (f == '-') c.left = true;
                else if (f == '+') c.plus = true;
                else if (f == ' ') c.space = true;
                else if (f == '#') c.alt = true;
                else if (f == '0') c.zero = true;
                else break;
            }
            if (!readNumber(fmt, i, c.width, "* wants int")) return Value::error();
            if (c.width < -1) {   // "%*d" % (-5, x): a negative width means left-aligned
                c.left = true;
                c.width = -c.width;
            }
            if (i < fmt.size() && fmt[i] == '.') {
                ++i;
                c.precision = 0;
                if (!readNumber(fmt, i, c.precision, "* wants int")) return Value::error();
                if (c.precision < 0) c.precision = 0;
            }
            while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
            if (i >= fmt.size()) return m_vm.raise(m_vm.types().ValueError, "incomplete format");
            c.type = fmt[i++];
            if (c.type == '%') {
                out.push_back('%');
                continue;
            }
            Value arg = keyed;
            if (arg.isUnbound()) {
                arg = nextArg();
                if (arg.isError()) return arg;
            }
            std::u32string piece;
            if (!convert(c, arg, i - 1, piece)) return Value::error();
            out += piece;
        }
        if (m_argIndex < m_argCount && !m_usedMapping && !m_isMapping)
            return m_vm.raise(m_vm.types().TypeError, "not all arguments converted during string formatting");
        return newStrU32(m_vm, out);
    }

private:
    Value nextArg()
    {
        if (m_argCount >= 0) {
            if (m_argIndex < m_argCount) return m_tuple->m_items[static_cast<size_t>(m_argIndex++)];
        } else if (m_argIndex == -2) {
            m_argIndex = -1;
            return m_args;
        }
        return m_vm.raise(m_vm.types().TypeError, "not enough arguments for format string");
    }

    // Digits or '*' (taken from the arguments); -1 stays when neither is there.
    bool readNumber(const std::u32string& fmt, size_t& i, int64_t& out, const char* starError)
    {
        if (i < fmt.size() && fmt[i] == '*') {
            ++i;
            Value v = nextArg();
            if (v.isError()) return false;
            if (!v.isIntLike()) {
                m_vm.raise(m_vm.types().TypeError, starError);
                return false;
            }
            out = v.asInt();
            return true;
        }
        if (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
            out = 0;
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
                out = out * 10 + (fmt[i] - '0');
                if (out > 1'000'000'000) {
                    m_vm.raise(m_vm.types().ValueError, "width too big");
                    return false;
                }
                ++i;
            }
        }
        return true;
    }

    static std::u32string padded(std::u32string body, const Conversion& c, size_t signLen)
    {
        const int64_t len = static_cast<int64_t>(body.size());
        if (c.width <= len) return body;
        const size_t pad = static_cast<size_t>(c.width - len);
        if (c.left) return body + std::u32string(pad, U' ');
        if (c.zero) return body.substr(0, signLen) + std::u32string(pad, U'0') + body.substr(signLen);
        return std::u32string(pad, U' ') + body;
    }

    bool convert(const Conversion& c, const Value& arg, size_t typeIndex, std::u32string& out)
    {
        switch (c.type) {
        case 's': case 'r': case 'a': {
            std::string s;
            bool ok = c.type == 's' ? m_vm.strString(arg, s) : m_vm.reprString(arg, s);
            if (!ok) return false;
            std::u32string body = text::decode(s);
            if (c.type == 'a') {
                std::u32string esc;
                static const char* hex = "0123456789abcdef";
                for (char32_t ch : body) {
                    if (ch < 0x80) { esc.push_back(ch); continue; }
                    const int digits = ch <= 0xFF ? 2 : ch <= 0xFFFF ? 4 : 8;
                    esc += digits == 2 ? U"\\x" : digits == 4 ? U"\\u" : U"\\U";
                    for (int k = digits - 1; k >= 0; --k) esc.push_back(static_cast<char32_t>(hex[(ch >> (4 * k)) & 0xF]));
                }
                body = esc;
            }
            if (c.precision >= 0 && static_cast<int64_t>(body.size()) > c.precision)
                body.resize(static_cast<size_t>(c.precision));
            Conversion noZero = c;
            noZero.zero = false;
            out = padded(body, noZero, 0);
            return true;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            return convertInt(c, arg, out);
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d = 0.0;
            if (arg.isNumber()) {
                d = arg.toDouble();
            } else {
                Value f = floatOf(arg);
                if (f.isError()) return false;
                if (f.isUnbound()) {
                    m_vm.raise(m_vm.types().TypeError, "must be real number, not " + m_vm.typeName(arg));
                    return false;
                }
                d = f.toDouble();
            }
            PercentSpec spec;
            spec.leftAlign = c.left;
            spec.plusSign = c.plus;
            spec.spaceSign = c.space;
            spec.alternate = c.alt;
            spec.zeroPad = c.zero;
            spec.width = c.width;
            spec.precision = c.precision;
            spec.conversion = c.type;
            out = text::decode(percentFormatFloat(d, spec));
            return true;
        }
        case 'c': {
            char32_t ch = 0;
            if (arg.isIntLike()) {
                if (arg.asInt() < 0 || arg.asInt() > 0x10FFFF) {
                    m_vm.raise(m_vm.types().OverflowError, "%c arg not in range(0x110000)");
                    return false;
                }
                ch = static_cast<char32_t>(arg.asInt());
            } else if (auto* s = asStr(arg); s && s->length() == 1) {
                ch = text::decode(s->view())[0];
            } else {
                m_vm.raise(m_vm.types().TypeError, "%c requires int or char");
                return false;
            }
            Conversion noZero = c;
            noZero.zero = false;
            out = padded(std::u32string(1, ch), noZero, 0);
            return true;
        }
        default: {
            char buf[96];
            const char32_t t = c.type;
            if (t >= 0x20 && t < 0x7F)
                std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                              static_cast<char>(t), static_cast<unsigned>(t), typeIndex);
            else
                std::snprintf(buf, sizeof buf, "unsupported format character '?' (0x%x) at index %zu",
                              static_cast<unsigned>(t), typeIndex);
            m_vm.raise(m_vm.types().ValueError, buf);
            return false;
        }
        }
    }

    Value floatOf(const Value& v)
    {
        if (v.isObj() && v.asObj()->kind() == vm::Kind::Instance && !m_vm.typeOf(v)->lookup("__float__").isUnbound())
            return m_vm.callMethod(v, "__float__", {});
        return Value::unbound();
    }

    bool convertInt(const Conversion& c, const Value& arg, std::u32string& out)
    {
        int64_t v = 0;
        const bool decimal = c.type == 'd' || c.type == 'i' || c.type == 'u';
        if (arg.isIntLike()) {
            v = arg.asInt();
        } else if (arg.isFloat() && decimal) {
            if (!floatToInt(m_vm, arg.asFloat(), v)) return false;
        } else {
            Value r = Value::unbound();
            if (arg.isObj() && arg.asObj()->kind() == vm::Kind::Instance) {
                vm::TypeObj* t = m_vm.typeOf(arg);
                if (!t->lookup("__index__").isUnbound()) r = m_vm.callMethod(arg, "__index__", {});
                else if (decimal && !t->lookup("__int__").isUnbound()) r = m_vm.callMethod(arg, "__int__", {});
            }
            if (r.isError()) return false;
            if (!r.isIntLike()) {
                const std::string what = decimal ? "a real number" : "an integer";
                m_vm.raise(m_vm.types().TypeError, "%" + std::string(1, static_cast<char>(c.type)) + " format: " + what
                                                       + " is required, not " + m_vm.typeName(arg));
                return false;
            }
            v = r.asInt();
        }
        const int base = c.type == 'x' || c.type == 'X' ? 16 : c.type == 'o' ? 8 : 10;
        std::string digits = intMagnitudeDigits(v, base);
        if (c.precision >= 0 && static_cast<int64_t>(digits.size()) < c.precision)
            digits.insert(0, static_cast<size_t>(c.precision) - digits.size(), '0');
        std::string prefix;
        if (c.alt && base == 16) prefix = "0x";
        if (c.alt && base == 8) prefix = "0o";
        std::string sign = v < 0 ? "-" : c.plus ? "+" : c.space ? " " : "";
        std::string body = sign + prefix + digits;
        if (c.type == 'X')
            for (char& ch : body) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        out = padded(text::decode(body), c, sign.size() + prefix.size());
        return true;
    }

    Vm& m_vm;
    Value m_args;
    vm::TupleObj* m_tuple = nullptr;
    int64_t m_argCount = -1;
    int64_t m_argIndex = -2;
    bool m_isMapping = false;
    bool m_usedMapping = false;
};

}  // namespace

Value percentFormat(Vm& vm, const Value& fmt, const Value& args)
{
    auto* s = asStr(fmt);
    if (!s) return vm.raise(vm.types().TypeError, "percentFormat: the format must be a str");
    PercentFormatter f(vm, args);
    return f.run(text::decode(s->view()));
}

}  // namespace aw::rt
