#include "core/bytecode/disassembler.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

namespace aw::bytecode {

namespace {

std::string strRepr(const std::string& s)
{
    const bool useDouble = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
    const char quote = useDouble ? '"' : '\'';
    std::string out(1, quote);
    for (unsigned char ch : s) {
        switch (ch) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (ch == static_cast<unsigned char>(quote)) {
                out += '\\';
                out += char(ch);
            } else if (ch < 0x20 || ch == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", ch);
                out += buf;
            } else {
                out += char(ch);   // UTF-8 passes through, as Python prints it
            }
        }
    }
    out += quote;
    return out;
}

std::string floatRepr(double d)
{
    if (std::isnan(d))
        return "nan";
    if (std::isinf(d))
        return d > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, res.ptr);
    if (s.find_first_of(".eEn") == std::string::npos)
        s += ".0";
    return s;
}

bool hasArg(Opcode op)
{
    switch (op) {
    case Opcode::NOP: case Opcode::POP_TOP: case Opcode::ROT_TWO: case Opcode::ROT_THREE: case Opcode::ROT_FOUR:
    case Opcode::DUP_TOP: case Opcode::DUP_TOP_TWO: case Opcode::BINARY_SUBSCR: case Opcode::STORE_SUBSCR:
    case Opcode::DELETE_SUBSCR: case Opcode::UNARY_POSITIVE: case Opcode::UNARY_NEGATIVE: case Opcode::UNARY_NOT:
    case Opcode::UNARY_INVERT: case Opcode::GET_ITER: case Opcode::LIST_TO_TUPLE: case Opcode::RETURN_VALUE:
    case Opcode::LOAD_BUILD_CLASS: case Opcode::POP_BLOCK: case Opcode::POP_EXCEPT: case Opcode::RERAISE:
    case Opcode::LOAD_ASSERTION_ERROR: case Opcode::WITH_EXCEPT_START: case Opcode::BEFORE_ASYNC_WITH:
    case Opcode::YIELD_VALUE: case Opcode::GET_YIELD_FROM_ITER: case Opcode::YIELD_FROM: case Opcode::GET_AITER:
    case Opcode::GET_ANEXT: case Opcode::END_ASYNC_FOR:
        return false;
    default:
        return true;
    }
}

bool isJump(Opcode op)
{
    switch (op) {
    case Opcode::JUMP: case Opcode::POP_JUMP_IF_FALSE: case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::JUMP_IF_FALSE_OR_POP: case Opcode::JUMP_IF_TRUE_OR_POP: case Opcode::FOR_ITER:
    case Opcode::SETUP_FINALLY: case Opcode::SETUP_WITH: case Opcode::SETUP_ASYNC_WITH:
    case Opcode::JUMP_IF_NOT_EXC_MATCH:
        return true;
    default:
        return false;
    }
}

const char* binaryOpSymbol(uint32_t arg)
{
    static const char* const symbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
    uint32_t op = arg & 0xFF;
    return op < 13 ? symbols[op] : "?";
}

std::string codeRepr(const CodeUnit& c)
{
    return "<code object " + c.name + ", file \"" + c.filename + "\", line " + std::to_string(c.firstLine) + ">";
}

std::string argRepr(const CodeUnit& code, const Instruction& ins)
{
    auto pick = [](const std::vector<std::string>& v, uint32_t i) { return i < v.size() ? v[i] : std::string("?"); };
    switch (ins.op) {
    case Opcode::LOAD_CONST:
        return ins.arg < code.consts.size() ? constantRepr(code.consts[ins.arg]) : "?";
    case Opcode::LOAD_NAME: case Opcode::STORE_NAME: case Opcode::DELETE_NAME:
    case Opcode::LOAD_GLOBAL: case Opcode::STORE_GLOBAL: case Opcode::DELETE_GLOBAL:
    case Opcode::LOAD_ATTR: case Opcode::STORE_ATTR: case Opcode::DELETE_ATTR: case Opcode::LOAD_METHOD:
    case Opcode::IMPORT_NAME: case Opcode::IMPORT_FROM:
        return pick(code.names, ins.arg);
    case Opcode::LOAD_FAST: case Opcode::STORE_FAST: case Opcode::DELETE_FAST:
        return pick(code.varnames, ins.arg);
    case Opcode::LOAD_DEREF: case Opcode::STORE_DEREF: case Opcode::DELETE_DEREF: case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_CLASSDEREF:
        if (ins.arg < code.cellvars.size())
            return code.cellvars[ins.arg];
        return pick(code.freevars, ins.arg - uint32_t(code.cellvars.size()));
    case Opcode::COMPARE_OP: {
        static const char* const ops[] = {"<", "<=", "==", "!=", ">", ">="};
        return ins.arg < 6 ? ops[ins.arg] : "?";
    }
    case Opcode::BINARY_OP:
        return std::string(binaryOpSymbol(ins.arg)) + ((ins.arg & kInplace) ? "=" : "");
    case Opcode::FORMAT_VALUE: {
        static const char* const conv[] = {"", "str", "repr", "ascii"};
        std::string s = conv[ins.arg & 3];
        if (ins.arg & 4)
            s += s.empty() ? "with format" : ", with format";
        return s;
    }
    case Opcode::MAKE_FUNCTION: {
        std::string s;
        auto add = [&](const char* what) { s += (s.empty() ? "" : ", ") + std::string(what); };
        if (ins.arg & kMakeDefaults)
            add("defaults");
        if (ins.arg & kMakeKwDefaults)
            add("kwdefaults");
        if (ins.arg & kMakeClosure)
            add("closure");
        return s;
    }
    default:
        if (isJump(ins.op))
            return "to " + std::to_string(ins.arg);
        return "";
    }
}

void disassembleOne(const CodeUnit& code, std::string& out)
{
    std::set<uint32_t> targets;
    for (const auto& ins : code.code)
        if (isJump(ins.op))
            targets.insert(ins.arg);
    for (size_t i = 0; i < code.code.size(); ++i) {
        const Instruction& ins = code.code[i];
        const bool starts = i < code.startsLine.size() && code.startsLine[i];
        if (starts && i > 0)
            out += '\n';
        std::string line;
        char buf[32];
        if (starts && i < code.spans.size()) {
            std::snprintf(buf, sizeof buf, "%3d", code.spans[i].line);
            line += buf;
        } else {
            line += "   ";
        }
        line += "     ";
        line += targets.count(uint32_t(i)) ? ">>" : "  ";
        std::snprintf(buf, sizeof buf, " %4zu ", i);
        line += buf;
        std::string name = kOpcodeNames[size_t(ins.op)];
        if (hasArg(ins.op)) {
            name.resize(std::max<size_t>(name.size(), 20), ' ');
            line += name;
            std::snprintf(buf, sizeof buf, " %5u", ins.arg);
            line += buf;
            std::string repr = argRepr(code, ins);
            if (!repr.empty())
                line += " (" + repr + ")";
        } else {
            line += name;
        }
        out += line;
        out += '\n';
    }
}

}  // namespace

std::string constantRepr(const Constant& c)
{
    struct Visitor {
        std::string operator()(const NoneConst&) const { return "None"; }
        std::string operator()(bool b) const { return b ? "True" : "False"; }
        std::string operator()(int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return floatRepr(d); }
        std::string operator()(const std::string& s) const { return strRepr(s); }
        std::string operator()(const EllipsisConst&) const { return "Ellipsis"; }
        std::string operator()(const StrTuple& t) const
        {
            std::string s = "(";
            for (size_t i = 0; i < t.items.size(); ++i)
                s += (i ? ", " : "") + strRepr(t.items[i]);
            if (t.items.size() == 1)
                s += ",";
            return s + ")";
        }
        std::string operator()(const std::shared_ptr<const CodeUnit>& code) const
        {
            return code ? codeRepr(*code) : "<code object ?>";
        }
    };
    return std::visit(Visitor{}, c);
}

std::string disassemble(const CodeUnit& code)
{
    std::string out;
    disassembleOne(code, out);
    for (const auto& c : code.consts) {
        if (auto* nested = std::get_if<std::shared_ptr<const CodeUnit>>(&c); nested && *nested) {
            out += "\nDisassembly of " + codeRepr(**nested) + ":\n";
            out += disassemble(**nested);
        }
    }
    return out;
}

}  // namespace aw::bytecode
