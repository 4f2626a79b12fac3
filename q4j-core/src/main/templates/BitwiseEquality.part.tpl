    @Override
    public boolean equals(Object o) {
        return o instanceof ${Class} other
                && ${rawBits}(${field}) == ${rawBits}(other.${field});
    }

    @Override
    public int hashCode() {
        return ${Boxed}.hashCode(${field});
    }

